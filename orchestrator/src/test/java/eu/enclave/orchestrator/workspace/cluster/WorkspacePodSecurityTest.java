package eu.enclave.orchestrator.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.testing.RestrictedPodSecurity;
import eu.enclave.platform.testing.RestrictedPodSecurity.Extra;
import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pod template the orchestrator can produce meets Pod Security {@code restricted} and Enclave's own rules (no
 * token, read-only root); and the checker is
 * shown to catch each kind of violation, so that its silence means something.
 */
class WorkspacePodSecurityTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @TestFactory
    Stream<DynamicTest> everyWorkspacePodIsRestricted() {
        return WorkspaceSamples.all().stream().map(spec -> DynamicTest.dynamicTest(spec.toString(), () -> {
            PodSpec pod = WorkspaceObjects.statefulSet(spec).getSpec().getTemplate().getSpec();
            assertThat(RestrictedPodSecurity.violations(pod, EnumSet.allOf(Extra.class))).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theCheckerCatchesEachViolation() {
        return Stream.of(
                violation("hostNetwork", p -> p.setHostNetwork(true), "spec.hostNetwork"),
                violation("hostPID", p -> p.setHostPID(true), "spec.hostPID"),
                violation("hostIPC", p -> p.setHostIPC(true), "spec.hostIPC"),
                violation("hostPath volume", p -> p.getVolumes().add(new VolumeBuilder().withName("root")
                        .withNewHostPath().withPath("/").endHostPath().build()), "type hostPath"),
                violation("nfs volume", p -> p.getVolumes().add(new VolumeBuilder().withName("n")
                        .withNewNfs().withServer("x").withPath("/").endNfs().build()), "type nfs"),
                violation("privileged", p -> c(p).setPrivileged(true), ".privileged"),
                violation("privilege escalation", p -> c(p).setAllowPrivilegeEscalation(true),
                        "allowPrivilegeEscalation"),
                violation("escalation unset", p -> c(p).setAllowPrivilegeEscalation(null), "allowPrivilegeEscalation"),
                violation("root", p -> {
                    c(p).setRunAsNonRoot(null);
                    p.getSecurityContext().setRunAsNonRoot(false);
                }, "runAsNonRoot"),
                violation("uid 0", p -> c(p).setRunAsUser(0L), "runAsUser must not be 0"),
                violation("unconfined seccomp", p -> {
                    c(p).setSeccompProfile(null);
                    p.getSecurityContext().setSeccompProfile(new SeccompProfileBuilder().withType("Unconfined").build());
                }, "seccompProfile"),
                violation("capabilities kept", p -> c(p).setCapabilities(new CapabilitiesBuilder().build()),
                        "drop must include ALL"),
                violation("capability added", p -> c(p).setCapabilities(new CapabilitiesBuilder().withDrop("ALL")
                        .withAdd("SYS_ADMIN").build()), "SYS_ADMIN"),
                violation("writable root", p -> c(p).setReadOnlyRootFilesystem(false), "readOnlyRootFilesystem"),
                violation("host port", p -> p.getContainers().get(0).getPorts().add(new ContainerPortBuilder()
                        .withContainerPort(22).withHostPort(22).build()), "hostPort"),
                violation("token mounted", p -> p.setAutomountServiceAccountToken(null), "automountServiceAccountToken"),
                violation("proc mount", p -> c(p).setProcMount("Unmasked"), "procMount"));
    }

    private static SecurityContext c(PodSpec pod) {
        return pod.getContainers().get(0).getSecurityContext();
    }

    private static DynamicTest violation(String name, Consumer<PodSpec> breakIt, String expected) {
        return DynamicTest.dynamicTest(name, () -> {
            PodSpec pod = copy(WorkspaceObjects.podSpec(WorkspaceSamples.sample()));
            assertThat(RestrictedPodSecurity.violations(pod, EnumSet.allOf(Extra.class))).as("before breaking it").isEmpty();
            breakIt.accept(pod);
            assertThat(RestrictedPodSecurity.violations(pod, EnumSet.allOf(Extra.class))).anyMatch(v -> v.contains(expected));
        });
    }

    private static PodSpec copy(PodSpec pod) {
        PodSpec copy = JSON.unmarshal(JSON.asJson(pod), PodSpec.class);
        copy.setVolumes(new ArrayList<>(copy.getVolumes()));
        copy.getContainers().get(0).setPorts(new ArrayList<>(copy.getContainers().get(0).getPorts()));
        return copy;
    }
}
