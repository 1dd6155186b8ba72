package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's status from its StatefulSet, its pod and the pod's events. Pure: objects in, status out.
 * Failures a person must act on (an image that cannot be pulled, a pod that cannot be scheduled, a container
 * that keeps crashing) are FAILED with Kubernetes' reason and message.
 */
public final class ObservedStatus {

    /** Container waiting reasons that do not go away by waiting. */
    static final Set<String> FAILING_WAITS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
            "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");
    static final String FAILED_SCHEDULING = "FailedScheduling";

    private ObservedStatus() {
    }

    public record Status(WorkspaceStatus status, String reason) {
    }

    public static Status of(StatefulSet set, Pod pod, List<Event> podEvents) {
        if (set == null || set.getSpec() == null) {
            return ok(pod == null ? WorkspaceStatus.STOPPED : WorkspaceStatus.STOPPING);
        }
        int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        if (replicas == 0) {
            return ok(pod == null ? WorkspaceStatus.STOPPED : WorkspaceStatus.STOPPING);
        }
        if (pod == null || pod.getMetadata().getDeletionTimestamp() != null) {
            return ok(WorkspaceStatus.PENDING);
        }
        if (pod.getStatus() == null) {
            return ok(WorkspaceStatus.PENDING);
        }
        if ("Failed".equals(pod.getStatus().getPhase())) {
            return failed(Objects.toString(pod.getStatus().getReason(), "Failed"), pod.getStatus().getMessage());
        }
        Optional<Status> waiting = failingWait(pod);
        if (waiting.isPresent()) {
            return waiting.get();
        }
        if (condition(pod, "PodScheduled").filter(c -> "False".equals(c.getStatus())
                && "Unschedulable".equals(c.getReason())).isPresent()) {
            String message = latestWarning(podEvents, FAILED_SCHEDULING).map(Event::getMessage)
                    .orElseGet(() -> condition(pod, "PodScheduled").map(PodCondition::getMessage).orElse(""));
            return failed(FAILED_SCHEDULING, message);
        }
        boolean ready = condition(pod, "Ready").filter(c -> "True".equals(c.getStatus())).isPresent();
        if ("Running".equals(pod.getStatus().getPhase()) && ready) {
            return ok(WorkspaceStatus.RUNNING);
        }
        return ok(WorkspaceStatus.STARTING);
    }

    private static Optional<Status> failingWait(Pod pod) {
        List<ContainerStatus> containers = pod.getStatus().getContainerStatuses();
        if (containers == null) {
            return Optional.empty();
        }
        return containers.stream()
                .filter(c -> c.getState() != null && c.getState().getWaiting() != null
                        && FAILING_WAITS.contains(c.getState().getWaiting().getReason()))
                .map(c -> failed(c.getState().getWaiting().getReason(), c.getState().getWaiting().getMessage()))
                .findFirst();
    }

    private static Optional<PodCondition> condition(Pod pod, String type) {
        List<PodCondition> conditions = pod.getStatus().getConditions();
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static Optional<Event> latestWarning(List<Event> events, String reason) {
        return events.stream().filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()))
                .max(Comparator.comparing(e -> Objects.toString(e.getLastTimestamp(), "")));
    }

    private static Status ok(WorkspaceStatus status) {
        return new Status(status, "");
    }

    private static Status failed(String reason, String message) {
        return new Status(WorkspaceStatus.FAILED, message == null || message.isBlank() ? reason : reason + ": " + message);
    }
}
