package eu.enclave.orchestrator.cluster.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    void simulatedClusterServesApiDiscoverySoThatTypedKubectlCommandsWork() throws Exception {
        try (ClusterConnection connection = ClusterConnections.simulate(0, "test")) {
            connection.client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
                    .withName("enclave-sim").endMetadata().build()).create();

            // kubectl asks with a query string, which the mock's own expectations would not match
            assertThat(get(connection.url() + "/api?timeout=32s")).contains("\"kind\":\"APIVersions\"");
            assertThat(get(connection.url() + "/apis")).contains("\"networking.k8s.io\"");
            assertThat(get(connection.url() + "/apis/networking.k8s.io/v1")).contains("\"shortNames\":[\"netpol\"]");
            assertThat(get(connection.url() + "/api/v1/namespaces")).contains("enclave-sim");

            Path kubectl = Path.of("/usr/bin/kubectl");
            if (!Files.isExecutable(kubectl)) {
                System.out.println("kubectl not installed: the typed command is not tried");
                return;
            }
            Process process = new ProcessBuilder(kubectl.toString(), "--server=" + connection.url(), "get", "ns",
                    "-o", "name").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).contains("namespace/enclave-sim");
            assertThat(process.exitValue()).as(output).isZero();
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
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
