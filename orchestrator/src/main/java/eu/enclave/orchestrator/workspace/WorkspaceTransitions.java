package eu.enclave.orchestrator.workspace;

import static eu.enclave.orchestrator.workspace.WorkspaceStatus.FAILED;
import static eu.enclave.orchestrator.workspace.WorkspaceStatus.PENDING;
import static eu.enclave.orchestrator.workspace.WorkspaceStatus.RUNNING;
import static eu.enclave.orchestrator.workspace.WorkspaceStatus.STARTING;
import static eu.enclave.orchestrator.workspace.WorkspaceStatus.STOPPED;
import static eu.enclave.orchestrator.workspace.WorkspaceStatus.STOPPING;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every allowed change of a workspace's status, who causes it, and the audit event it leaves. People start and
 * stop; the platform stops (idle, project suspended or ended); the cluster's observed state moves the rest.
 * An observation that the table does not allow from the stored status (a stale pod event after a stop, say)
 * is ignored. Nothing else decides whether a workspace may move.
 */
public final class WorkspaceTransitions {

    /** Who causes a transition: a person (the owner, or a PI or admin stopping), the platform, or the cluster. */
    public enum By { PERSON, SYSTEM, CLUSTER }

    public record Transition(WorkspaceStatus from, WorkspaceStatus to, Set<By> by, String auditAction) {
    }

    private static final Set<By> STOPPERS = EnumSet.of(By.PERSON, By.SYSTEM);
    private static final Set<By> CLUSTER = EnumSet.of(By.CLUSTER);

    public static final List<Transition> TABLE = List.of(
            new Transition(STOPPED, PENDING, EnumSet.of(By.PERSON), "workspace.started"),
            new Transition(FAILED, PENDING, EnumSet.of(By.PERSON), "workspace.started"),
            new Transition(PENDING, STARTING, CLUSTER, "workspace.starting"),
            new Transition(PENDING, RUNNING, CLUSTER, "workspace.running"),
            new Transition(PENDING, FAILED, CLUSTER, "workspace.failed"),
            new Transition(STARTING, RUNNING, CLUSTER, "workspace.running"),
            new Transition(STARTING, FAILED, CLUSTER, "workspace.failed"),
            new Transition(RUNNING, STARTING, CLUSTER, "workspace.starting"),
            new Transition(RUNNING, FAILED, CLUSTER, "workspace.failed"),
            new Transition(FAILED, RUNNING, CLUSTER, "workspace.running"),
            new Transition(PENDING, STOPPING, STOPPERS, "workspace.stopped"),
            new Transition(STARTING, STOPPING, STOPPERS, "workspace.stopped"),
            new Transition(RUNNING, STOPPING, STOPPERS, "workspace.stopped"),
            new Transition(FAILED, STOPPING, STOPPERS, "workspace.stopped"),
            new Transition(STOPPING, STOPPED, CLUSTER, "workspace.stopped_on_cluster"));

    /** The status of a new workspace: it is started at once. */
    public static final WorkspaceStatus INITIAL = PENDING;

    /** Deleting (which keeps the home volume) is allowed only once nothing runs. */
    public static final Set<WorkspaceStatus> DELETABLE = EnumSet.of(STOPPED, FAILED);

    /** The statuses in which a workspace should run on the cluster (StatefulSet replicas 1). */
    public static final Set<WorkspaceStatus> WANTS_TO_RUN = EnumSet.of(PENDING, STARTING, RUNNING);

    private WorkspaceTransitions() {
    }

    public static Optional<Transition> find(WorkspaceStatus from, WorkspaceStatus to, By by) {
        return TABLE.stream().filter(t -> t.from() == from && t.to() == to && t.by().contains(by)).findFirst();
    }

    public static Set<WorkspaceStatus> targets(WorkspaceStatus from, By by) {
        return TABLE.stream().filter(t -> t.from() == from && t.by().contains(by)).map(Transition::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WorkspaceStatus.class)));
    }

    public static boolean canStart(WorkspaceStatus from) {
        return find(from, PENDING, By.PERSON).isPresent();
    }

    public static boolean canStop(WorkspaceStatus from) {
        return find(from, STOPPING, By.PERSON).isPresent();
    }

    /** The state diagram for the docs, generated so that it cannot drift from the table. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> " + INITIAL
                + ": workspace.created (person)\n");
        for (Transition t : TABLE) {
            out.append("    ").append(t.from()).append(" --> ").append(t.to()).append(": ").append(t.auditAction())
                    .append(" (").append(t.by().stream().map(b -> b.name().toLowerCase()).sorted()
                            .collect(Collectors.joining(", "))).append(")\n");
        }
        DELETABLE.forEach(s -> out.append("    ").append(s).append(" --> [*]: workspace.deleted (person)\n"));
        return out.toString();
    }
}
