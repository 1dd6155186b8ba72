package eu.enclave.egress.intake;

import eu.enclave.egress.access.ReviewAccessPolicy;
import eu.enclave.egress.checking.queue.CheckQueue;
import eu.enclave.egress.orchestrator.Orchestrator;
import eu.enclave.egress.orchestrator.OrchestratorProject;
import eu.enclave.egress.orchestrator.OrchestratorUnavailable;
import eu.enclave.egress.request.DeclaredFile;
import eu.enclave.egress.request.FileGroup;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestFile;
import eu.enclave.egress.request.RequestLifecycle;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequestSubmitted;
import eu.enclave.egress.request.RequestTransitions;
import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submission and resubmission from the workspace: the request must be complete (files, every used group with its
 * context and controls, no declared file left without its bytes); the project's disclosure policy (text checked
 * against its hash) and the approvals each file needs are read from the orchestrator at that moment and frozen on
 * the request; the checks are queued in the same transaction; {@link RequestSubmitted} follows the commit.
 */
@Service
public class SubmissionService {

    /** A project may ask for 1 to 3 approvals; never fewer than its highest dataset tier's floor. */
    static final int MAX_REVIEWERS = 3;

    private final RequestRepository requests;
    private final RequestLifecycle lifecycle;
    private final CheckQueue checks;
    private final Orchestrator orchestrator;
    private final ReviewAccessPolicy access;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubmissionService(RequestRepository requests, RequestLifecycle lifecycle, CheckQueue checks,
                      Orchestrator orchestrator, ReviewAccessPolicy access, ApplicationEventPublisher events,
                      PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.orchestrator = orchestrator;
        this.access = access;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Request submit(IntakeCaller caller, UUID requestId) {
        Request request = requests.find(requestId).orElseThrow(ReviewAccessPolicy::noSuchRequest);
        access.checkCanChangeFromWorkspace(caller.project(), caller.owner(), caller.workspaceId(), request);
        RequestTransitions.check(request.status(), RequestStatus.SUBMITTED, Actor.REQUESTER);
        OrchestratorProject project = orchestrator.projectNow(caller.project()).orElseThrow(
                () -> new OrchestratorUnavailable("no project " + caller.project() + " at the orchestrator"));
        if (!project.active()) {
            throw ApiException.conflict("project", "is '" + project.status()
                    + "': only an active project's requests can be submitted");
        }
        int needed = reviewersNeeded(project);
        return transactions.execute(status -> {
            Request locked = requests.lock(requestId).orElseThrow();
            RequestTransitions.check(locked.status(), RequestStatus.SUBMITTED, Actor.REQUESTER);
            List<RequestFile> files = requests.currentFiles(requestId);
            List<FieldProblem> problems = completeness(files, requests.groups(requestId),
                    requests.declarations(requestId));
            if (!problems.isEmpty()) {
                throw IntakeProblem.invalid(problems);
            }
            int submission = locked.submissions() + 1;
            int frozen = locked.reviewersRequired() == null ? needed : Math.max(needed, locked.reviewersRequired());
            requests.recordSubmission(requestId, project.policyText(), project.policyHash(), frozen, submission,
                    clock.instant());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("workspace", caller.workspace());
            details.put("submission", submission);
            details.put("files", files.size());
            details.put("policyHash", project.policyHash());
            details.put("reviewersRequired", frozen);
            Request submitted = lifecycle.move(requestId, RequestStatus.SUBMITTED, Actor.REQUESTER,
                    caller.owner().username(), null, details);
            checks.enqueue(requestId, submission);
            RequestSubmitted event = new RequestSubmitted(requestId, locked.project(),
                    files.stream().map(RequestFile::id).toList());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(event);
                }
            });
            return submitted;
        });
    }

    /** N = the project's setting, never below the floor of its highest dataset tier, at most 3. */
    static int reviewersNeeded(OrchestratorProject project) {
        int tierFloor = project.datasets().stream().anyMatch(d -> "highly_sensitive".equals(d.tier())) ? 2 : 1;
        return Math.min(MAX_REVIEWERS, Math.max(project.reviewersNeeded(), tierFloor));
    }

    /** What a request lacks to be submitted, every field at once. */
    static List<FieldProblem> completeness(List<RequestFile> files, List<FileGroup> groups,
                                           List<DeclaredFile> declared) {
        List<FieldProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new FieldProblem("files", "a request needs at least one file"));
        } else if (files.stream().allMatch(RequestFile::supporting)) {
            problems.add(new FieldProblem("files", "every file is supporting (never released): add an output"));
        }
        Set<String> used = files.stream().map(RequestFile::group).collect(Collectors.toSet());
        for (int i = 0; i < groups.size(); i++) {
            FileGroup group = groups.get(i);
            if (!used.contains(group.name())) {
                continue;
            }
            if (group.context().isBlank()) {
                problems.add(new FieldProblem("groups[" + i + "].context", "is required to submit: say what the "
                        + "files of group '" + group.name() + "' show and how they were made"));
            }
            if (group.controls().isBlank()) {
                problems.add(new FieldProblem("groups[" + i + "].controls", "is required to submit: say which "
                        + "disclosure controls were applied to group '" + group.name() + "'"));
            }
        }
        for (DeclaredFile file : declared) {
            problems.add(new FieldProblem("files." + file.name(), "was declared but not uploaded"));
        }
        return problems;
    }
}
