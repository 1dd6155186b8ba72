package eu.enclave.orchestrator.project;

import static eu.enclave.orchestrator.project.ProjectStatus.ARCHIVED;
import static eu.enclave.orchestrator.project.ProjectStatus.DRAFT;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.project.ProjectTransitions.By;
import eu.enclave.orchestrator.project.ProjectTransitions.Transition;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The project transition table, checked against an independent statement of the rules. */
class ProjectTransitionsTest {

    /** Every allowed (from, to, by) and the audit action it must leave; everything else is refused. */
    private static final Map<String, String> ALLOWED = Map.of(
            "draft -> active by admin", "project.activated",
            "active -> suspended by admin", "project.suspended",
            "active -> suspended by system", "project.suspended",
            "suspended -> active by admin", "project.reactivated",
            "suspended -> archived by admin", "project.archived");

    /** States a project never leaves. */
    private static final Set<ProjectStatus> FINAL = EnumSet.of(ARCHIVED);

    static Stream<Arguments> everyCombination() {
        return Arrays.stream(ProjectStatus.values()).flatMap(from -> Arrays.stream(ProjectStatus.values())
                .flatMap(to -> Arrays.stream(By.values()).map(by -> Arguments.of(from, to, by))));
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("everyCombination")
    void onlyTheStatedTransitionsAreAllowed(ProjectStatus from, ProjectStatus to, By by) {
        String key = from + " -> " + to + " by " + by.name().toLowerCase();
        Optional<Transition> found = ProjectTransitions.find(from, to, by);

        if (ALLOWED.containsKey(key)) {
            assertThat(found).as(key).isPresent();
            assertThat(found.get().from()).isEqualTo(from);
            assertThat(found.get().to()).isEqualTo(to);
            assertThat(found.get().by()).contains(by);
            assertThat(found.get().auditAction()).isEqualTo(ALLOWED.get(key));
            assertThat(ProjectTransitions.targets(from, by)).contains(to);
        } else {
            assertThat(found).as(key + " must be refused").isEmpty();
            assertThat(ProjectTransitions.targets(from, by)).doesNotContain(to);
        }
    }

    @Test
    void theStatementAboveCoversTheWholeTable() {
        Set<String> inTable = ProjectTransitions.TABLE.stream()
                .flatMap(t -> t.by().stream().map(by -> t.from() + " -> " + t.to() + " by " + by.name().toLowerCase()))
                .collect(Collectors.toSet());
        assertThat(inTable).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void everyStatusIsReachableFromDraft() {
        Set<ProjectStatus> reached = EnumSet.of(DRAFT);
        Deque<ProjectStatus> queue = new ArrayDeque<>(reached);
        while (!queue.isEmpty()) {
            ProjectStatus from = queue.poll();
            for (Transition t : ProjectTransitions.TABLE) {
                if (t.from() == from && reached.add(t.to())) {
                    queue.add(t.to());
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(ProjectStatus.values());
    }

    @Test
    void everyNonFinalStatusHasAWayOutAndFinalOnesHaveNone() {
        for (ProjectStatus status : ProjectStatus.values()) {
            boolean hasOutgoing = ProjectTransitions.TABLE.stream().anyMatch(t -> t.from() == status);
            assertThat(hasOutgoing).as(status + (FINAL.contains(status) ? " is final" : " must lead somewhere"))
                    .isEqualTo(!FINAL.contains(status));
        }
    }

    @Test
    void everyTransitionHasAnActorAnAuditNameAndIsListedOnce() {
        for (Transition t : ProjectTransitions.TABLE) {
            assertThat(t.by()).as(t + " needs someone who may make it").isNotEmpty();
            assertThat(t.auditAction()).as(t + " audit action").matches("project\\.[a-z_]+");
            assertThat(t.from()).as(t + " is a change").isNotEqualTo(t.to());
        }
        assertThat(ProjectTransitions.TABLE.stream().map(t -> t.from() + "->" + t.to()))
                .as("one row per (from, to)").doesNotHaveDuplicates();
    }
}
