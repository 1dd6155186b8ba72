package eu.enclave.egress.intake;

import eu.enclave.egress.access.ReviewAccessPolicy;
import eu.enclave.egress.request.Comment;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequesterVisibility;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The requester's answers and comments, written from inside the workspace into the request's comments. */
@Service
public class CommentService {

    /** While reviewers may still read and act on an answer. */
    static final Set<RequestStatus> ANSWERABLE = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW,
            RequestStatus.RETURNED);

    private final RequestRepository requests;
    private final ReviewAccessPolicy access;
    private final DraftService drafts;
    private final TextScreen screen;
    private final AuditTrail audit;
    private final Clock clock;

    CommentService(RequestRepository requests, ReviewAccessPolicy access, DraftService drafts, TextScreen screen,
                   AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.drafts = drafts;
        this.screen = screen;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Comment add(IntakeCaller caller, UUID requestId, CommentInput input) {
        Request request = requests.lock(requestId).orElseThrow(ReviewAccessPolicy::noSuchRequest);
        access.checkCanChangeFromWorkspace(caller.project(), caller.owner(), caller.workspaceId(), request);
        List<FieldProblem> problems = new ArrayList<>(TextScreen.length("body", input.body(), TextScreen.MAX_TEXT,
                true));
        Comment question = null;
        if (input.inReplyTo() != null) {
            question = requests.comment(requestId, input.inReplyTo())
                    .filter(c -> RequesterVisibility.canSee(c, request)).orElse(null);
            if (question == null) {
                problems.add(new FieldProblem("inReplyTo", "is not a comment of this request that you can read"));
            }
        }
        if (input.fileId() != null && requests.file(requestId, input.fileId()).isEmpty()) {
            problems.add(new FieldProblem("fileId", "is not a file of this request"));
        }
        if (!problems.isEmpty()) {
            throw IntakeProblem.invalid(problems);
        }
        if (!ANSWERABLE.contains(request.status())) {
            throw ApiException.conflict("status", "is '" + request.status() + "': answers and comments are taken "
                    + "while the request is submitted, in review or returned");
        }
        List<FieldProblem> identifiers = screen.problems(Map.of("body", input.body()), drafts.project(caller).policy());
        if (!identifiers.isEmpty()) {
            throw IntakeProblem.invalid(identifiers);
        }
        boolean answer = question != null && question.kind() == Comment.Kind.QUESTION;
        UUID fileId = input.fileId() != null ? input.fileId() : question == null ? null : question.fileId();
        Comment comment = new Comment(UUID.randomUUID(), requestId, fileId, caller.owner().issuer(),
                caller.owner().subject(), caller.owner().username(), answer ? Comment.Kind.ANSWER : Comment.Kind.COMMENT,
                Comment.Visibility.PUBLIC, input.body(), input.inReplyTo(), clock.instant());
        requests.insertComment(comment);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workspace", caller.workspace());
        details.put("comment", comment.id().toString());
        if (fileId != null) {
            details.put("file", fileId.toString());
        }
        audit.record(new AuditEvent(caller.owner().username(), answer ? "request.answered" : "request.commented",
                request.project(), request.target(), details));
        return comment;
    }
}
