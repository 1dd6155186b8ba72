package eu.enclave.orchestrator.secret;

import java.security.SecureRandom;

/**
 * Strong random passwords: 32 characters from letters, digits and symbols that need no quoting in a shell, a
 * YAML file, a URL query or a VNC password file (about 195 bits).
 */
public final class PasswordGenerator {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+=@^";
    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {
    }

    public static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
