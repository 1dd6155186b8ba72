package eu.enclave.orchestrator.workspace;

import java.security.SecureRandom;

/** 32 characters from a 62-letter alphabet drawn with {@link SecureRandom}: about 190 bits. */
public final class RandomDesktopPasswords implements DesktopPasswords {

    public static final int LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();

    @Override
    public String issue(Workspace workspace) {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
