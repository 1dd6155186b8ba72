package eu.enclave.egress.review;

import java.util.List;
import java.util.UUID;

/**
 * Reviewers' votes were consolidated into a decision on every file of a request (published after the commit).
 * Listeners: the release package builder, the differencing index (approved tables are indexed by their
 * dimensions and margins), notifications.
 *
 * @param approvedFileIds files with the required approvals, supporting files excluded
 */
public record RequestDecided(UUID requestId, String project, List<UUID> approvedFileIds, List<UUID> rejectedFileIds) {

    public RequestDecided {
        approvedFileIds = List.copyOf(approvedFileIds);
        rejectedFileIds = List.copyOf(rejectedFileIds);
    }
}
