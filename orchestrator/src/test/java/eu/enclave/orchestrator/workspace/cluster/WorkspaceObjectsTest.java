package eu.enclave.orchestrator.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The objects of a workspace, pinned whole by a golden file, then rule by rule. */
class WorkspaceObjectsTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "workspace-objects.yaml");

    @Test
    void theSampleWorkspaceIsExactlyTheGoldenManifest() throws IOException {
        String yaml = WorkspaceObjects.desired(WorkspaceSamples.sample()).stream()
                .map(Serialization::asYaml).collect(Collectors.joining());
        if (Boolean.getBoolean("regenerate.golden")) {
            Files.writeString(GOLDEN, yaml, StandardCharsets.UTF_8);
        }
        assertThat(yaml).as("regenerate with -Dregenerate.golden=true after a deliberate change")
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void objectsComeInApplyOrderWithTheirNames() {
        List<HasMetadata> objects = WorkspaceObjects.desired(WorkspaceSamples.sample());
        assertThat(objects).extracting(o -> o.getKind() + " " + o.getMetadata().getName()).containsExactly(
                "PersistentVolumeClaim " + WorkspaceNames.home("remi.researcher"),
                "Secret ws-analysis-desktop", "Service ws-analysis", "StatefulSet ws-analysis");
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("enclave-cohort-2026"));
    }

    @Test
    void withoutANewPasswordTheSecretIsLeftAlone() {
        assertThat(WorkspaceObjects.desired(WorkspaceSamples.spec(WorkspaceSamples.VNC, true, List.of(), null)))
                .noneMatch(o -> o instanceof Secret);
    }

    @Test
    void stoppedMeansZeroReplicasAndRunningOne() {
        assertThat(WorkspaceObjects.statefulSet(WorkspaceSamples.spec(WorkspaceSamples.VNC, false, List.of(), null))
                .getSpec().getReplicas()).isZero();
        assertThat(WorkspaceObjects.statefulSet(WorkspaceSamples.sample()).getSpec().getReplicas()).isOne();
    }

    @Test
    void theServiceExposesOnlyTheDesktopPortOfThisPod() {
        Service service = WorkspaceObjects.service(WorkspaceSamples.sample());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("desktop");
            assertThat(p.getPort()).isEqualTo(5901);
        });
        assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("enclave.eu/component", "workspace",
                "enclave.eu/workspace", "analysis"));
        StatefulSet set = WorkspaceObjects.statefulSet(WorkspaceSamples.sample());
        assertThat(set.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector())
                .containsEntry("enclave.eu/project-id", WorkspaceSamples.PROJECT.toString());
    }

    @Test
    void theSecretHoldsThePasswordUnderItsKeyAndOnlyThisPodMountsIt() {
        Secret secret = WorkspaceObjects.desktopSecret(WorkspaceSamples.sample());
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8))
                .isEqualTo("sample-password-not-a-secret-000");
        assertThat(secret.getStringData()).isNullOrEmpty();
        Volume volume = volume(WorkspaceObjects.podSpec(WorkspaceSamples.sample()), "desktop-secret");
        assertThat(volume.getSecret().getSecretName()).isEqualTo("ws-analysis-desktop");
        assertThat(WorkspaceSamples.sample().toString()).doesNotContain("sample-password");
    }

    @Test
    void theHomeVolumeIsTheOwnersReadWriteOnceClaimAndCarriesNoWorkspaceLabel() {
        PersistentVolumeClaim home = WorkspaceObjects.home(WorkspaceSamples.sample());
        assertThat(home.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(home.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("10Gi");
        assertThat(home.getMetadata().getLabels()).doesNotContainKey("enclave.eu/workspace")
                .containsEntry("enclave.eu/component", "workspace-home");
    }

    @Test
    void onlyTheAllowedVolumesAreMountedAndDatasetsReadOnly() {
        PodSpec pod = WorkspaceObjects.podSpec(WorkspaceSamples.sample());
        assertThat(pod.getVolumes()).extracting(Volume::getName).containsExactlyInAnyOrder("home", "share", "outbox",
                "desktop-secret", "tmp", "data-snds-extract", "data-cohort");
        Container desktop = pod.getContainers().get(0);
        Map<String, VolumeMount> mounts = desktop.getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, m -> m));
        assertThat(mounts).containsOnlyKeys("/home/researcher", "/share", "/outbox", "/run/secrets/desktop", "/tmp",
                "/data/snds-extract", "/data/cohort");
        assertThat(mounts.get("/data/snds-extract").getReadOnly()).isTrue();
        assertThat(mounts.get("/data/cohort").getReadOnly()).isTrue();
        assertThat(volume(pod, "data-cohort").getPersistentVolumeClaim().getReadOnly()).isTrue();
        assertThat(mounts.get("/share").getReadOnly()).isFalse();
        assertThat(volume(pod, "share").getPersistentVolumeClaim().getClaimName()).isEqualTo("project-share");
        assertThat(volume(pod, "outbox").getPersistentVolumeClaim().getClaimName()).isEqualTo("project-outbox");
        assertThat(volume(pod, "tmp").getEmptyDir()).isNotNull();
    }

    @Test
    void resourcesComeFromTheSizeAndGpusAsALimit() {
        Container plain = WorkspaceObjects.podSpec(WorkspaceSamples.sample()).getContainers().get(0);
        assertThat(plain.getResources().getRequests()).containsOnlyKeys("cpu", "memory");
        assertThat(plain.getResources().getLimits()).isEqualTo(plain.getResources().getRequests());
        PodSpec gpu = WorkspaceObjects.podSpec(WorkspaceSamples.spec(WorkspaceSamples.VNC_GPU, true, List.of(), null));
        assertThat(gpu.getContainers().get(0).getResources().getLimits().get("nvidia.com/gpu").toString()).isEqualTo("1");
        assertThat(gpu.getTolerations()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
    }

    @Test
    void thePodRunsAsTheProjectsWorkspaceAccountWithoutToken() {
        PodSpec pod = WorkspaceObjects.podSpec(WorkspaceSamples.sample());
        assertThat(pod.getServiceAccountName()).isEqualTo("workspace");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }
}
