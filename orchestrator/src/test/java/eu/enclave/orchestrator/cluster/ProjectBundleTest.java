package eu.enclave.orchestrator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The project bundle as pure data: the whole set pinned by a golden file, and its security properties. */
class ProjectBundleTest {

    static final UUID PROJECT = UUID.fromString("6f1c2b9e-7d2a-4c1e-9a55-0f3e8e2b1a01");
    static final ProjectClusterSpec SAMPLE = new ProjectClusterSpec(PROJECT, "cohort-2026",
            new ProjectQuota("16", "64Gi", 1, 12, 30, "1Ti"),
            List.of(new Mirror("cran", "10.40.0.10/32", 443, "cran.mirror.internal"),
                    new Mirror("pypi", "10.40.1.0/24", 8443, null)));
    /** The sample with one dataset of each source kind approved: what the golden file pins. */
    static final ProjectClusterSpec WITH_DATASETS = new ProjectClusterSpec(PROJECT, SAMPLE.slug(), SAMPLE.quota(),
            SAMPLE.mirrors(),
            List.of(new DatasetVolume("diabetes-cohort", new DatasetSource.Nfs("nfs.chu.internal", "/exports/diabetes")),
                    new DatasetVolume("snds-extract", new DatasetSource.Csi("s3.csi.example.com", "snds-2024",
                            Map.of("bucket", "snds-2024"))),
                    new DatasetVolume("eds-2025", new DatasetSource.ExistingVolume("eds-extract-2025", ""))));
    static final ClusterSettings SETTINGS = ClusterSettings.defaults();

    private static final Path GOLDEN = Path.of("src/test/resources/golden/project-bundle.yaml");

    @Test
    void theWholeBundleForASampleProjectIsPinned() throws IOException {
        String actual = yaml(ProjectBundle.desired(WITH_DATASETS, SETTINGS));
        String expected = Files.exists(GOLDEN) ? Files.readString(GOLDEN, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected)) {
            Path written = Path.of("target/golden/project-bundle.yaml");
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual, StandardCharsets.UTF_8);
            fail("The project bundle differs from " + GOLDEN + ". If the change is intended, review " + written
                    + " and copy it over the golden file.");
        }
    }

    @Test
    void everyObjectLivesInTheProjectNamespaceAndIsLabelledAsOurs() {
        for (HasMetadata object : ProjectBundle.desired(WITH_DATASETS, SETTINGS)) {
            if (!(object instanceof Namespace) && !(object instanceof PersistentVolume)) {
                assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isEqualTo("enclave-cohort-2026");
            }
            assertThat(object.getMetadata().getLabels()).as(object.getKind())
                    .containsEntry(ClusterNames.MANAGED_BY, "enclave")
                    .containsEntry(ClusterNames.PROJECT_ID, PROJECT.toString());
        }
    }

    @Test
    void theNamespaceEnforcesRestrictedPodSecurity() {
        Namespace namespace = (Namespace) ProjectBundle.desired(SAMPLE, SETTINGS).get(0);
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
                .containsEntry("pod-security.kubernetes.io/audit", "restricted")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted");
    }

    @Test
    void everythingIsDeniedUnlessAllowedAndNothingReachesTheInternet() {
        List<NetworkPolicy> policies = policies(SAMPLE);
        NetworkPolicy deny = policies.get(0);
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();

        List<String> cidrs = policies.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .flatMap(rule -> rule.getTo().stream()).map(NetworkPolicyPeer::getIpBlock).filter(Objects::nonNull)
                .map(block -> block.getCidr()).collect(Collectors.toList());
        assertThat(cidrs).containsExactlyInAnyOrder("10.40.0.10/32", "10.40.1.0/24").doesNotContain("0.0.0.0/0", "::/0");
    }

    @Test
    void onlyGuacdReachesTheDesktopPort() {
        NetworkPolicy ingress = policies(SAMPLE).stream().filter(p -> p.getSpec().getPolicyTypes().contains("Ingress")
                && !p.getSpec().getIngress().isEmpty()).findFirst().orElseThrow();
        var rule = ingress.getSpec().getIngress().get(0);
        assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "guacd");
            assertThat(peer.getNamespaceSelector().getMatchLabels()).isNotEmpty();
        });
        assertThat(rule.getPorts()).singleElement().satisfies(port -> assertThat(port.getPort().getStrVal())
                .isEqualTo("desktop"));
    }

    @Test
    void dnsIsOpenOnlyWhenAMirrorIsUsedByName() {
        assertThat(names(policies(SAMPLE))).contains("allow-workspaces-to-dns");
        ProjectClusterSpec byAddress = new ProjectClusterSpec(PROJECT, "p", ProjectQuota.DEFAULT,
                List.of(new Mirror("pypi", "10.40.1.0/24", 8443, null)));
        assertThat(names(policies(byAddress))).contains("allow-workspaces-to-mirrors")
                .doesNotContain("allow-workspaces-to-dns");
        ProjectClusterSpec none = new ProjectClusterSpec(PROJECT, "p", ProjectQuota.DEFAULT, List.of());
        assertThat(names(policies(none))).containsExactly("default-deny", "allow-guacd-to-desktops",
                "allow-workspaces-to-intake");
    }

    @Test
    void workspacesGetNoApiToken() {
        ServiceAccount account = ProjectBundle.desired(SAMPLE, SETTINGS).stream()
                .filter(ServiceAccount.class::isInstance).map(ServiceAccount.class::cast).findFirst().orElseThrow();
        assertThat(account.getAutomountServiceAccountToken()).isFalse();
    }

    private static List<NetworkPolicy> policies(ProjectClusterSpec spec) {
        return ProjectBundle.desired(spec, SETTINGS).stream().filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast).toList();
    }

    private static List<String> names(List<NetworkPolicy> policies) {
        return policies.stream().map(p -> p.getMetadata().getName()).toList();
    }

    static String yaml(List<HasMetadata> objects) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        return objects.stream().map(serialization::asYaml).collect(Collectors.joining());
    }
}
