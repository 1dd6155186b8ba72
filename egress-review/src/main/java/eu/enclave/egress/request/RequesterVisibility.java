package eu.enclave.egress.request;

/**
 * Which comments the requester reads (inside the workspace, and on the portal): their own; never a private one;
 * a public question at once (they are asked to answer it); other public comments once the request was returned or
 * decided, and for good once it was (those of a round that ended in a return stay visible after the resubmission).
 * A pure rule, the same for every page and mail that shows a requester comments.
 */
public final class RequesterVisibility {

    private RequesterVisibility() {
    }

    public static boolean canSee(Comment comment, Request request) {
        if (comment.byAuthor(request.requester().issuer(), request.requester().subject())) {
            return true;
        }
        if (comment.visibility() != Comment.Visibility.PUBLIC) {
            return false;
        }
        boolean earlierRound = request.submissions() > 1 && request.submittedAt() != null
                && comment.createdAt().isBefore(request.submittedAt());
        return comment.kind() == Comment.Kind.QUESTION || earlierRound || request.status() == RequestStatus.RETURNED
                || RequestTransitions.isDecided(request.status());
    }
}
