package eu.enclave.orchestrator.dataset.approval;

import java.util.UUID;

/**
 * A project gained or lost access to a dataset (approved, revoked, or its approval ended). Published inside the
 * deciding transaction: listen after commit. The cluster reconciles the project's claims at once; workspaces that
 * mount a dataset the project lost should stop.
 *
 * @param granted true for an approval (which mounts only once its start date has come), false for a loss
 * @param reason  why, for people: "approved", the steward's reason, or the end date that passed
 */
public record DatasetAccessChanged(UUID projectId, String projectSlug, String dataset, boolean granted,
                                   String reason) {
}
