package eu.enclave.orchestrator.cluster.status;

import java.util.UUID;

/**
 * A project's cluster status was stored. Published inside the storing transaction: listen with
 * {@code @TransactionalEventListener} to act once it is committed (the portal's live status does).
 */
public record ClusterStatusSaved(UUID projectId, String slug, ClusterState state) {
}
