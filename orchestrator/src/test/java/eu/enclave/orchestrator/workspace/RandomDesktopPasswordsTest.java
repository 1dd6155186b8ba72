package eu.enclave.orchestrator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomDesktopPasswordsTest {

    @Test
    void longAlphanumericAndNeverTheSameTwice() {
        RandomDesktopPasswords passwords = new RandomDesktopPasswords();
        Set<String> issued = new HashSet<>();
        Set<Character> letters = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = passwords.issue(null);
            assertThat(password).hasSizeGreaterThanOrEqualTo(24).matches("[A-Za-z0-9]+");
            issued.add(password);
            password.chars().forEach(c -> letters.add((char) c));
        }
        assertThat(issued).hasSize(1000);
        assertThat(letters).as("the whole alphabet is used").hasSize(62);
    }
}
