package eu.enclave.egress.intake;

import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checking.queue.CheckPurpose;
import eu.enclave.egress.checking.queue.CheckResultRepository;
import eu.enclave.egress.checking.queue.StoredCheckResult;
import eu.enclave.egress.request.Comment;
import eu.enclave.egress.request.DeclaredFile;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestFile;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequestTransitions;
import eu.enclave.egress.request.RequesterVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the requester sees of their requests from inside the workspace: everything about their files, with the
 * findings of the checks (values masked as the checks mask them), and the comments they may read.
 */
@Component
public class RequesterViews {

    private final RequestRepository requests;
    private final CheckResultRepository results;

    RequesterViews(RequestRepository requests, CheckResultRepository results) {
        this.requests = requests;
        this.results = results;
    }

    public record RequestView(UUID id, String project, String workspace, String title, String purpose, String status,
                              String waitingFor, int submissions, Integer reviewersRequired, String policyHash,
                              Instant createdAt, Instant updatedAt, Instant submittedAt, Instant decidedAt,
                              List<GroupView> groups, List<FileView> files, List<DeclaredFile> declaredFiles,
                              List<CommentView> comments, List<String> actions) {
    }

    public record GroupView(String name, String context, String controls) {
    }

    /** @param checks the latest result of the automated checks; null until they ran */
    public record FileView(UUID id, String name, String group, String description, boolean supporting, int version,
                           UUID previousId, String previousSha256, boolean current, String sha256, long size,
                           String detectedType, Instant uploadedAt, ChecksView checks) {
    }

    public record ChecksView(String status, String detectedType, boolean verifiedDirectIdentifier,
                             String engineVersion, String policyHash, Instant checkedAt, List<FindingView> findings) {

        static ChecksView of(FileCheckResult r, Instant checkedAt) {
            return new ChecksView(r.status().id(), r.detectedType(), r.verifiedDirectIdentifier(), r.engineVersion(),
                    r.policyHash(), checkedAt, r.findings().stream().map(FindingView::of).toList());
        }
    }

    public record FindingView(String ruleId, String status, Location location, String maskedValue, String message,
                              String messageFr) {

        static FindingView of(Finding f) {
            return new FindingView(f.ruleId(), f.status().id(), f.location(), f.maskedValue(), f.messageEn(),
                    f.messageFr());
        }
    }

    public record CommentView(UUID id, UUID fileId, String author, String kind, String body, UUID inReplyTo,
                              Instant createdAt) {
    }

    public record RequestSummary(UUID id, String title, String status, String waitingFor, String workspace,
                                 int submissions, Instant createdAt, Instant updatedAt, Instant submittedAt) {

        static RequestSummary of(Request r) {
            return new RequestSummary(r.id(), r.title(), r.status().id(), RequestTransitions.owner(r.status()).toString(),
                    r.workspace(), r.submissions(), r.createdAt(), r.updatedAt(), r.submittedAt());
        }
    }

    public List<RequestSummary> list(IntakeCaller caller, int limit) {
        return requests.findByRequester(caller.project(), caller.owner().issuer(), caller.owner().subject(), limit)
                .stream().map(RequestSummary::of).toList();
    }

    public RequestView view(Request request) {
        Map<UUID, StoredCheckResult> checks = results.latest(request.id(), CheckPurpose.SUBMISSION);
        List<FileView> files = requests.files(request.id()).stream().map(f -> file(f, checks.get(f.id()))).toList();
        List<CommentView> comments = requests.comments(request.id()).stream()
                .filter(c -> RequesterVisibility.canSee(c, request))
                .map(c -> new CommentView(c.id(), c.fileId(), c.authorUsername(), c.kind().id(), c.body(),
                        c.inReplyTo(), c.createdAt()))
                .toList();
        return new RequestView(request.id(), request.project(), request.workspace(), request.title(),
                request.purpose(), request.status().id(), RequestTransitions.owner(request.status()).toString(),
                request.submissions(), request.reviewersRequired(), request.policyHash(), request.createdAt(),
                request.updatedAt(), request.submittedAt(), request.decidedAt(),
                requests.groups(request.id()).stream().map(g -> new GroupView(g.name(), g.context(), g.controls()))
                        .toList(),
                files, requests.declarations(request.id()), comments, actions(request));
    }

    static FileView file(RequestFile f, StoredCheckResult checks) {
        return new FileView(f.id(), f.name(), f.group(), f.description(), f.supporting(), f.version(),
                f.previousId(), f.previousSha256(), f.current(), f.sha256(), f.size(), f.detectedType(),
                f.uploadedAt(), checks == null ? null : ChecksView.of(checks.result(), checks.checkedAt()));
    }

    /** What the requester may do now from the workspace (the pages and the CLI offer these). */
    static List<String> actions(Request request) {
        List<String> actions = new ArrayList<>();
        RequestStatus status = request.status();
        if (DraftService.EDITABLE.contains(status)) {
            actions.add("update");
            actions.add("upload");
        }
        if (RequestTransitions.allows(status, RequestStatus.SUBMITTED, RequestTransitions.Actor.REQUESTER)) {
            actions.add(status == RequestStatus.DRAFT ? "submit" : "resubmit");
        }
        if (status == RequestStatus.RETURNED) {
            actions.add("version");
        }
        if (CommentService.ANSWERABLE.contains(status)) {
            actions.add("answer");
        }
        return actions;
    }
}
