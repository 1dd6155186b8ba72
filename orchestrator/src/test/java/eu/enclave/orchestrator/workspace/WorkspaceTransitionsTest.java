package eu.enclave.orchestrator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.workspace.WorkspaceTransitions.By;
import eu.enclave.orchestrator.workspace.WorkspaceTransitions.Transition;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkspaceTransitionsTest {

    @Test
    void everyStatusIsReachableAndCanBeLeft() {
        Set<WorkspaceStatus> reached = WorkspaceTransitions.TABLE.stream().map(Transition::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WorkspaceStatus.class)));
        reached.add(WorkspaceTransitions.INITIAL);
        assertThat(reached).containsExactlyInAnyOrder(WorkspaceStatus.values());
        for (WorkspaceStatus status : WorkspaceStatus.values()) {
            assertThat(WorkspaceTransitions.TABLE).as("a way out of " + status).anyMatch(t -> t.from() == status);
        }
    }

    @Test
    void peopleOnlyStartAndStopAndTheClusterNeverDoes() {
        for (Transition t : WorkspaceTransitions.TABLE) {
            if (t.by().contains(By.PERSON) || t.by().contains(By.SYSTEM)) {
                assertThat(t.to()).isIn(WorkspaceStatus.PENDING, WorkspaceStatus.STOPPING);
                assertThat(t.by()).doesNotContain(By.CLUSTER);
            } else {
                assertThat(t.to()).isNotIn(WorkspaceStatus.PENDING, WorkspaceStatus.STOPPING);
            }
        }
        assertThat(WorkspaceTransitions.TABLE).noneMatch(t -> t.to() == WorkspaceStatus.PENDING
                && t.by().contains(By.SYSTEM)).as("the platform never starts a workspace");
    }

    @ParameterizedTest
    @EnumSource(WorkspaceStatus.class)
    void whatAPersonMayDoInEachStatus(WorkspaceStatus status) {
        boolean running = WorkspaceTransitions.WANTS_TO_RUN.contains(status);
        assertThat(WorkspaceTransitions.canStart(status)).isEqualTo(status == WorkspaceStatus.STOPPED
                || status == WorkspaceStatus.FAILED);
        assertThat(WorkspaceTransitions.canStop(status)).isEqualTo(running || status == WorkspaceStatus.FAILED);
        assertThat(WorkspaceTransitions.DELETABLE.contains(status)).isEqualTo(!running
                && status != WorkspaceStatus.STOPPING);
    }

    @Test
    void aStaleObservationAfterAStopIsNotATransition() {
        assertThat(WorkspaceTransitions.find(WorkspaceStatus.STOPPING, WorkspaceStatus.RUNNING, By.CLUSTER)).isEmpty();
        assertThat(WorkspaceTransitions.find(WorkspaceStatus.PENDING, WorkspaceStatus.STOPPED, By.CLUSTER)).isEmpty();
    }
}
