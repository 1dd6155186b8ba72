package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.workspace.cluster.SimulatedWorkloads;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts {@link SimulatedWorkloads} when, and only when, the cluster connection is simulated. */
@Component
class SimulatedWorkloadsSwitch {

    private final SimulatedWorkloads workloads;

    SimulatedWorkloadsSwitch(ClusterConnection connection, WorkspaceSettings settings) {
        this.workloads = connection.simulated() && settings.simulatedWorkloads()
                ? new SimulatedWorkloads(connection.client()) : null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (workloads != null) {
            workloads.start();
        }
    }

    @PreDestroy
    void stop() {
        if (workloads != null) {
            workloads.close();
        }
    }
}
