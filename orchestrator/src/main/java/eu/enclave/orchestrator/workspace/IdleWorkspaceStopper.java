package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link WorkspaceService#stopIdle()} periodically, on the leading replica only. */
@Component
class IdleWorkspaceStopper {

    private static final Logger log = LoggerFactory.getLogger(IdleWorkspaceStopper.class);

    private final WorkspaceService workspaces;
    private final ClusterLeadership leadership;

    IdleWorkspaceStopper(WorkspaceService workspaces, ClusterLeadership leadership) {
        this.workspaces = workspaces;
        this.leadership = leadership;
    }

    @Scheduled(fixedDelayString = "${enclave.workspaces.idle-check-interval:PT1M}",
            initialDelayString = "${enclave.workspaces.idle-check-interval:PT1M}")
    void stopIdle() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            workspaces.stopIdle().forEach(w -> log.info("Stopped idle workspace '{}' of project '{}'", w.name(),
                    w.slug()));
        } catch (RuntimeException e) {
            log.error("Stopping idle workspaces failed; retrying at the next interval", e);
        }
    }
}
