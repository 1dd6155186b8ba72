package eu.enclave.orchestrator.cluster.connection;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import eu.enclave.orchestrator.cluster.leader.LeaderElectionSettings;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform namespace follows the pod: its service account's namespace file, else {@code POD_NAMESPACE}, else
 * the configured one; the Lease and the guacd and intake peers of the network rules follow it unless configured.
 */
class PlatformNamespaceTest {

    @TempDir
    Path dir;

    @Test
    void theServiceAccountsNamespaceFileComesFirstThenPodNamespaceThenTheConfiguredOne() throws IOException {
        Path file = Files.writeString(dir.resolve("namespace"), "enclave-prod\n");
        Map<String, String> env = Map.of("POD_NAMESPACE", "from-env");

        assertThat(PlatformNamespace.resolve("configured", env::get, file).name()).isEqualTo("enclave-prod");
        assertThat(PlatformNamespace.resolve("configured", env::get, dir.resolve("absent")).name())
                .isEqualTo("from-env");
        PlatformNamespace outside = PlatformNamespace.resolve("configured", name -> null, dir.resolve("absent"));
        assertThat(outside.name()).isEqualTo("configured");
        assertThat(outside.source()).contains("enclave.cluster.platform-namespace");
    }

    @Test
    void theLeaseAndTheGuacdAndIntakePeersFollowThePlatformNamespaceUnlessConfigured() {
        ClusterSettings settings = ClusterSettings.defaults().inPlatformNamespace("enclave-prod");

        assertThat(settings.guacd().namespaceLabels()).containsEntry("kubernetes.io/metadata.name", "enclave-prod");
        assertThat(settings.intake().namespaceLabels()).containsEntry("kubernetes.io/metadata.name", "enclave-prod");
        assertThat(settings.dns().namespaceLabels()).containsEntry("kubernetes.io/metadata.name", "kube-system");
        NetworkPolicy guacdToDesktops = ProjectBundle.desired(new ProjectClusterSpec(UUID.randomUUID(),
                "cohort-2026", ProjectQuota.DEFAULT, List.of()), settings).stream()
                .filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(p -> p.getMetadata().getName().equals("allow-guacd-to-desktops")).findFirst().orElseThrow();
        assertThat(guacdToDesktops.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector()
                .getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "enclave-prod");

        LeaderElectionSettings election = new LeaderElectionSettings(null, null, null, null, null, null, null);
        assertThat(election.inNamespace("enclave-prod").namespace()).isEqualTo("enclave-prod");
        assertThat(new LeaderElectionSettings(null, "chosen", null, null, null, null, null)
                .inNamespace("enclave-prod").namespace()).isEqualTo("chosen");
        ClusterSettings.Peer own = new ClusterSettings.Peer(Map.of("team", "desktops"), Map.of("app", "guacd"), 4822);
        assertThat(new ClusterSettings(null, own, null, null, null, null, null).inPlatformNamespace("enclave-prod")
                .guacd()).isEqualTo(own);
    }
}
