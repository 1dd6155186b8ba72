package eu.enclave.egress.intake;

import eu.enclave.egress.access.ReviewAccessPolicy;
import eu.enclave.egress.apidoc.EgressApiDocumentation;
import eu.enclave.egress.apidoc.ProblemResponses;
import eu.enclave.egress.intake.RequesterViews.CommentView;
import eu.enclave.egress.intake.RequesterViews.RequestSummary;
import eu.enclave.egress.intake.RequesterViews.RequestView;
import eu.enclave.egress.request.Comment;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/intake/requests} on the intake port: the workspace's drafts, their submission, the requester's view
 * (findings and the comments they may read) and their answers. Project, workspace and requester come from the
 * egress token only.
 */
@RestController
@RequestMapping(path = "/api/v1/intake/requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "intake")
@SecurityRequirement(name = EgressApiDocumentation.EGRESS_TOKEN)
class IntakeRequestApiController {

    static final int MAX_LIST = 200;

    private final DraftService drafts;
    private final SubmissionService submissions;
    private final CommentService comments;
    private final RequesterViews views;
    private final RequestRepository requests;
    private final ReviewAccessPolicy access;
    private final IntakeAudit audit;

    IntakeRequestApiController(DraftService drafts, SubmissionService submissions, CommentService comments,
                               RequesterViews views, RequestRepository requests, ReviewAccessPolicy access,
                               IntakeAudit audit) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.comments = comments;
        this.views = views;
        this.requests = requests;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "intakeCreateRequest", summary = "Create a draft request (title, purpose, file groups, "
            + "declared files); a retry with the same Idempotency-Key answers the same request")
    @ApiResponse(responseCode = "201", description = "Created: the draft")
    @ApiResponse(responseCode = "200", description = "The request an earlier call with this Idempotency-Key made "
            + "(header Idempotent-Replayed: true)")
    @ProblemResponses({400, 401, 403, 409, 415, 503})
    ResponseEntity<RequestView> create(IntakeCaller caller, @RequestBody DraftInput input,
                                       @Parameter(description = "Makes a retried creation create one request; kept "
                                               + "24 h per token owner; the same key with other content is refused "
                                               + "(409)")
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        DraftService.Created created = audit.audited(caller, "request.create", null,
                () -> drafts.create(caller, input, key));
        RequestView view = views.view(created.request());
        return ResponseEntity.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/intake/requests/" + view.id()))
                .header("Idempotent-Replayed", String.valueOf(created.replayed()))
                .body(view);
    }

    @GetMapping
    @Operation(operationId = "intakeListRequests", summary = "The token owner's requests in the token's project, "
            + "newest first")
    @ApiResponse(responseCode = "200", description = "The requests")
    @ProblemResponses({400, 401, 403, 503})
    List<RequestSummary> list(IntakeCaller caller,
                              @Parameter(description = "At most this many (1 to 200)")
                              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIST);
        }
        return views.list(caller, limit);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "intakeGetRequest", summary = "One request as its requester sees it inside the "
            + "workspace: files and every version, the checks' findings, the comments they may read")
    @ApiResponse(responseCode = "200", description = "The request")
    @ProblemResponses({400, 401, 403, 404, 503})
    RequestView get(IntakeCaller caller, @PathVariable UUID id) {
        return views.view(readable(caller, id));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "intakeUpdateRequest", summary = "Change a draft's (or a returned request's) title, "
            + "purpose, groups (context, controls) or declared files; null fields are left as they are")
    @ApiResponse(responseCode = "200", description = "The request as changed")
    @ProblemResponses({400, 401, 403, 404, 409, 415, 503})
    RequestView update(IntakeCaller caller, @PathVariable UUID id, @RequestBody DraftInput input) {
        return views.view(audit.audited(caller, "request.update", id, () -> drafts.update(caller, id, input)));
    }

    @PostMapping("/{id}/submit")
    @Operation(operationId = "intakeSubmitRequest", summary = "Submit a draft, or resubmit a returned request: the "
            + "policy and the approvals needed are frozen on it and the checks queued")
    @ApiResponse(responseCode = "200", description = "The submitted request")
    @ProblemResponses({400, 401, 403, 404, 409, 503})
    RequestView submit(IntakeCaller caller, @PathVariable UUID id) {
        return views.view(audit.audited(caller, "request.submit", id, () -> submissions.submit(caller, id)));
    }

    @PostMapping(path = "/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "intakeAddComment", summary = "Answer a reviewer's question (inReplyTo), or comment on "
            + "the request or one of its files; public")
    @ApiResponse(responseCode = "201", description = "The comment")
    @ProblemResponses({400, 401, 403, 404, 409, 415, 503})
    ResponseEntity<CommentView> comment(IntakeCaller caller, @PathVariable UUID id, @RequestBody CommentInput input) {
        Comment c = audit.audited(caller, "request.comment", id, () -> comments.add(caller, id, input));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CommentView(c.id(), c.fileId(), c.authorUsername(),
                c.kind().id(), c.body(), c.inReplyTo(), c.createdAt()));
    }

    private Request readable(IntakeCaller caller, UUID id) {
        return audit.audited(caller, "request.read", id, () -> {
            Request request = requests.find(id).orElseThrow(ReviewAccessPolicy::noSuchRequest);
            access.checkCanReadFromWorkspace(caller.project(), caller.owner(), request);
            return request;
        });
    }
}
