package eu.enclave.egress.request;

import java.util.List;
import java.util.UUID;

/**
 * A request was submitted or resubmitted (published after the commit). Listeners: the check queue, the
 * differencing index (tables of requests in review are compared with each other), notifications.
 *
 * @param fileIds the files of this submission's current versions
 */
public record RequestSubmitted(UUID requestId, String project, List<UUID> fileIds) {

    public RequestSubmitted {
        fileIds = List.copyOf(fileIds);
    }
}
