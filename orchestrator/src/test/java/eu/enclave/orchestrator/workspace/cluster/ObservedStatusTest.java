package eu.enclave.orchestrator.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedStatusTest {

    private static final StatefulSet RUNNING = WorkspaceObjects.statefulSet(WorkspaceSamples.sample());
    private static final StatefulSet STOPPED = WorkspaceObjects.statefulSet(
            WorkspaceSamples.spec(WorkspaceSamples.VNC, false, List.of(), null));

    @Test
    void fromTheStatefulSetAndWhetherItsPodExists() {
        assertThat(of(null, null)).isEqualTo(WorkspaceStatus.STOPPED);
        assertThat(of(STOPPED, null)).isEqualTo(WorkspaceStatus.STOPPED);
        assertThat(of(STOPPED, pod(new PodStatusBuilder().withPhase("Running").build()))).isEqualTo(WorkspaceStatus.STOPPING);
        assertThat(of(RUNNING, null)).isEqualTo(WorkspaceStatus.PENDING);
        assertThat(of(RUNNING, pod(null))).isEqualTo(WorkspaceStatus.PENDING);
    }

    @Test
    void readyOnlyWhenRunningAndReady() {
        assertThat(of(RUNNING, pod(new PodStatusBuilder().withPhase("Pending").build())))
                .isEqualTo(WorkspaceStatus.STARTING);
        assertThat(of(RUNNING, pod(new PodStatusBuilder().withPhase("Running").withConditions(new PodConditionBuilder()
                .withType("Ready").withStatus("False").build()).build()))).isEqualTo(WorkspaceStatus.STARTING);
        assertThat(of(RUNNING, pod(new PodStatusBuilder().withPhase("Running").withConditions(new PodConditionBuilder()
                .withType("Ready").withStatus("True").build()).build()))).isEqualTo(WorkspaceStatus.RUNNING);
    }

    @Test
    void failuresCarryKubernetesReason() {
        for (String reason : List.of("ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff",
                "CreateContainerConfigError")) {
            ObservedStatus.Status status = ObservedStatus.of(RUNNING, pod(new PodStatusBuilder().withPhase("Pending")
                    .withContainerStatuses(new ContainerStatusBuilder().withName("desktop").withNewState()
                            .withNewWaiting().withReason(reason).withMessage("details").endWaiting().endState()
                            .build()).build()), List.of());
            assertThat(status).isEqualTo(new ObservedStatus.Status(WorkspaceStatus.FAILED, reason + ": details"));
        }
        assertThat(ObservedStatus.of(RUNNING, pod(new PodStatusBuilder().withPhase("Pending").withContainerStatuses(
                new ContainerStatusBuilder().withName("desktop").withNewState().withNewWaiting()
                        .withReason("ContainerCreating").endWaiting().endState().build()).build()), List.of()).status())
                .as("a wait that ends by itself").isEqualTo(WorkspaceStatus.STARTING);
        assertThat(ObservedStatus.of(RUNNING, pod(new PodStatusBuilder().withPhase("Failed").withReason("Evicted")
                .withMessage("low on memory").build()), List.of()).reason()).isEqualTo("Evicted: low on memory");
    }

    @Test
    void anUnschedulablePodTakesTheLatestSchedulerEventsMessage() {
        Pod pod = pod(new PodStatusBuilder().withPhase("Pending").withConditions(new PodConditionBuilder()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable").withMessage("condition")
                .build()).build());
        List<Event> events = List.of(event("2026-07-01T10:00:00Z", "old"), event("2026-07-01T10:05:00Z", "new"),
                new EventBuilder().withType("Normal").withReason("Scheduled").withMessage("other").build());
        assertThat(ObservedStatus.of(RUNNING, pod, events))
                .isEqualTo(new ObservedStatus.Status(WorkspaceStatus.FAILED, "FailedScheduling: new"));
        assertThat(ObservedStatus.of(RUNNING, pod, List.of()).reason()).isEqualTo("FailedScheduling: condition");
    }

    private static Event event(String at, String message) {
        return new EventBuilder().withType("Warning").withReason("FailedScheduling").withMessage(message)
                .withLastTimestamp(at).build();
    }

    private static WorkspaceStatus of(StatefulSet set, Pod pod) {
        return ObservedStatus.of(set, pod, List.of()).status();
    }

    private static Pod pod(PodStatus status) {
        return new PodBuilder().withNewMetadata().withName("ws-analysis-0").endMetadata().withStatus(status).build();
    }
}
