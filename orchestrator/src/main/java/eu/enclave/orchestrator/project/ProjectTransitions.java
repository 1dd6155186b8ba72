package eu.enclave.orchestrator.project;

import static eu.enclave.orchestrator.project.ProjectStatus.ACTIVE;
import static eu.enclave.orchestrator.project.ProjectStatus.ARCHIVED;
import static eu.enclave.orchestrator.project.ProjectStatus.DRAFT;
import static eu.enclave.orchestrator.project.ProjectStatus.SUSPENDED;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every allowed change of a project's status, who may make it, and the audit event it leaves. Nothing
 * else in the code decides whether a project may move: checks and the portal's buttons read this table.
 */
public final class ProjectTransitions {

    /** Who can cause a transition: a platform admin through the API or portal, or the platform itself. */
    public enum By { ADMIN, SYSTEM }

    public record Transition(ProjectStatus from, ProjectStatus to, Set<By> by, String auditAction) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(DRAFT, ACTIVE, EnumSet.of(By.ADMIN), "project.activated"),
            new Transition(ACTIVE, SUSPENDED, EnumSet.of(By.ADMIN, By.SYSTEM), "project.suspended"),
            new Transition(SUSPENDED, ACTIVE, EnumSet.of(By.ADMIN), "project.reactivated"),
            new Transition(SUSPENDED, ARCHIVED, EnumSet.of(By.ADMIN), "project.archived"));

    private ProjectTransitions() {
    }

    public static Optional<Transition> find(ProjectStatus from, ProjectStatus to, By by) {
        return TABLE.stream().filter(t -> t.from() == from && t.to() == to && t.by().contains(by)).findFirst();
    }

    public static Set<ProjectStatus> targets(ProjectStatus from, By by) {
        return TABLE.stream().filter(t -> t.from() == from && t.by().contains(by)).map(Transition::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProjectStatus.class)));
    }

    /** The state diagram for the docs, generated so that it cannot drift from the table. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> draft: created (admin)\n");
        for (Transition t : TABLE) {
            out.append("    ").append(t.from()).append(" --> ").append(t.to()).append(": ").append(t.auditAction())
                    .append(" (").append(t.by().stream().map(b -> b.name().toLowerCase()).sorted()
                            .collect(Collectors.joining(", "))).append(")\n");
        }
        return out.append("    archived --> [*]\n").toString();
    }
}
