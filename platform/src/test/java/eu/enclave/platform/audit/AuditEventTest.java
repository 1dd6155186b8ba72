package eu.enclave.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trail never holds a secret's value: details whose keys name one are refused before anything is stored. */
class AuditEventTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "dbPassword", "PASSWD", "secret", "clientSecret", "client_secret", "token",
        "accessToken", "refresh_token", "credential", "credentials", "privateKey", "private_key", "private-key",
        "apiKey", "api_key", "X-API-KEY"})
    void refusesKeysThatNameSecrets(String key) {
        assertThatThrownBy(() -> new AuditEvent("alice", "workspace.started", "p", "w", Map.of(key, "s3cr3t-value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "vaultToken"})
    void refusesSecretKeysNestedInMapsAndLists(String key) {
        assertThatThrownBy(() -> new AuditEvent("alice", "workspace.started", "p", "w",
                Map.of("connection", Map.of("host", "db", key, "s3cr3t-value"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'connection." + key + "'");
        assertThatThrownBy(() -> new AuditEvent("alice", "workspace.started", "p", "w",
                Map.of("mounts", List.of(Map.of("path", "/data"), Map.of(key, "s3cr3t-value")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mounts[1]." + key + "'");
        assertThatThrownBy(() -> new AuditEvent("alice", "workspace.started", "p", "w",
                Map.of("mounts", new Object[] {Map.of(key, "s3cr3t-value")})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mounts[0]." + key + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reason", "from", "to", "username", "role", "title", "legalBasis", "fileSha256", "size"})
    void acceptsOrdinaryKeys(String key) {
        AuditEvent event = new AuditEvent("alice", "project.updated", "p", "project:p", Map.of(key, "value"));

        assertThat(event.details().get(key)).isEqualTo("value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "token"})
    void withChecksTheAddedDetailsToo(String key) {
        AuditEvent event = AuditEvent.of("alice", "project.updated", "p", "project:p");

        assertThatThrownBy(() -> event.with(Map.of(key, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actorAndActionAreRequired() {
        assertThatThrownBy(() -> AuditEvent.of(null, "a", null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEvent.of("a", null, null, null)).isInstanceOf(NullPointerException.class);
    }
}
