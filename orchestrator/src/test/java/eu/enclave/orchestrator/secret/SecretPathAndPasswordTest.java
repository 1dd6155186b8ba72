package eu.enclave.orchestrator.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths cannot leave their project's folder; passwords are long, drawn from the safe alphabet, and distinct. */
class SecretPathAndPasswordTest {

    @Test
    void aWorkspacePasswordLivesUnderItsProjectAndWorkspace() {
        SecretPath path = SecretPath.workspaceDesktop("cohort", "ws-1");
        assertThat(path.underPrefix()).isEqualTo("projects/cohort/workspaces/ws-1/desktop");
        assertThat(path.relative()).isEqualTo("workspaces/ws-1/desktop");
        assertThat(SecretPath.parse("cohort", "workspaces/ws-1/desktop")).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "", " x", "x ", "a..b", "-x", "x-", "é"})
    void segmentsThatCouldEscapeOrConfuseAreRefused(String segment) {
        assertThatThrownBy(() -> SecretPath.of("cohort", "workspaces", segment))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretPath.of(segment, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathNeedsSomethingUnderTheProject() {
        assertThatThrownBy(() -> SecretPath.of("cohort")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsAreLongFromTheSafeAlphabetAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = PasswordGenerator.generate();
            assertThat(password).hasSize(PasswordGenerator.LENGTH).hasSizeGreaterThanOrEqualTo(24);
            assertThat(password.chars()).allMatch(c -> PasswordGenerator.ALPHABET.indexOf(c) >= 0);
            assertThat(seen.add(password)).isTrue();
        }
        assertThat(String.join("", seen).chars().distinct().count())
                .as("every character of the alphabet turns up").isEqualTo(PasswordGenerator.ALPHABET.length());
    }
}
