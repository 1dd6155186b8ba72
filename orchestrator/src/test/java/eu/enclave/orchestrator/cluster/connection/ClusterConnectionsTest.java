package eu.enclave.orchestrator.cluster.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectionsTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: lab
              cluster: {server: "https://k8s.lab.example:6443"}
            - name: other
              cluster: {server: "https://other.example:6443"}
            users:
            - name: enclave
              user: {token: "not-a-real-token"}
            contexts:
            - name: lab
              context: {cluster: lab, user: enclave}
            - name: other
              context: {cluster: other, user: enclave}
            current-context: lab
            """;

    @TempDir
    Path dir;

    @Test
    void simulatedClusterStoresObjectsAndAnswersPlainHttpOnLoopback() throws Exception {
        try (ClusterConnection connection = ClusterConnections.simulate(0, "test")) {
            assertThat(connection.simulated()).isTrue();
            assertThat(connection.url()).startsWith("http://127.0.0.1:");
            connection.client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
                    .withName("enclave-sim").endMetadata().build()).create();

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(connection.url() + "/api/v1/namespaces")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("enclave-sim");
        }
    }

    @Test
    void nothingConfiguredMeansSimulated() {
        try (ClusterConnection connection = ClusterConnections.open(settings(null, null, null), Map.<String, String>of()::get, dir)) {
            assertThat(connection.simulated()).isTrue();
            assertThat(connection.source()).contains("no kubeconfig");
        }
    }

    @Test
    void nothingConfiguredFailsWhenSimulationIsRefused() {
        assertThatThrownBy(() -> ClusterConnections.open(settings(null, null, false), Map.<String, String>of()::get, dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no cluster is configured");
    }

    @Test
    void explicitKubeconfigAndContextAreUsedWithoutContactingTheCluster() throws Exception {
        Path file = Files.writeString(dir.resolve("kubeconfig"), KUBECONFIG);
        try (ClusterConnection connection = ClusterConnections.open(settings(file, "other", null),
                Map.<String, String>of()::get, dir)) {
            assertThat(connection.simulated()).isFalse();
            assertThat(connection.url()).startsWith("https://other.example:6443");
            assertThat(connection.simulator()).isNull();
        }
    }

    @Test
    void missingKubeconfigFileIsAnError() {
        assertThatThrownBy(() -> ClusterConnections.open(settings(dir.resolve("absent"), null, null),
                Map.<String, String>of()::get, dir)).hasMessageContaining("not a file");
    }

    @Test
    void standardSourcesAreDetected() throws Exception {
        assertThat(ClusterConnections.standardSource(Map.<String, String>of()::get, dir)).isNull();
        assertThat(ClusterConnections.standardSource(Map.of("KUBECONFIG", dir.resolve("absent").toString())::get, dir))
                .as("a KUBECONFIG naming no file is no source").isNull();
        assertThat(ClusterConnections.standardSource(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")::get, dir))
                .as("the service host alone, without a mounted token, is no source").isNull();

        Path file = Files.writeString(dir.resolve("kc"), KUBECONFIG);
        assertThat(ClusterConnections.standardSource(Map.of("KUBECONFIG", file.toString())::get, dir))
                .startsWith("KUBECONFIG");

        Files.createDirectories(dir.resolve(".kube"));
        Files.writeString(dir.resolve(".kube/config"), KUBECONFIG);
        assertThat(ClusterConnections.standardSource(Map.<String, String>of()::get, dir)).endsWith(".kube/config");
    }

    private static ClusterConnectionSettings settings(Path kubeconfig, String context, Boolean simulated) {
        return new ClusterConnectionSettings(kubeconfig, context, simulated, 0);
    }
}
