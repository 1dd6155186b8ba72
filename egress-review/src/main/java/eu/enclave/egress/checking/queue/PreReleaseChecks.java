package eu.enclave.egress.checking.queue;

import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestFile;
import eu.enclave.egress.request.RequestLifecycle;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last safety check before a release package is built: the checks run once more on the files to be released,
 * against the policy recorded on the request, and the results are recorded ({@code pre_release}). When any file's
 * result differs from its submission's (status, identifier flag, or findings: rule, status, location, value), the
 * request goes back to review ({@code request.checks_changed}) and nothing may be built.
 */
@Service
public class PreReleaseChecks {

    /**
     * @param changed        some result differs: the request is back in review
     * @param changedFileIds the files whose result differs
     */
    public record Outcome(boolean changed, List<UUID> changedFileIds, Map<UUID, FileCheckResult> results) {
    }

    private final RequestRepository requests;
    private final CheckRun run;
    private final CheckResultRepository results;
    private final RequestLifecycle lifecycle;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PreReleaseChecks(RequestRepository requests, CheckRun run, CheckResultRepository results,
                     RequestLifecycle lifecycle, AuditTrail audit, PlatformTransactionManager transactions,
                     Clock clock) {
        this.requests = requests;
        this.run = run;
        this.results = results;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs the checks once more on {@code fileIds} (current files of the request, typically those approved) and
     * records them. Call outside a transaction, before building the package; the request must be approved or
     * partially approved.
     */
    public Outcome recheck(UUID requestId, Collection<UUID> fileIds) {
        Request request = requests.find(requestId).orElseThrow(() -> ApiException.notFound("id", "No such request."));
        if (request.status() != RequestStatus.APPROVED && request.status() != RequestStatus.PARTIALLY_APPROVED) {
            throw ApiException.conflict("status", "is '" + request.status() + "': only approved requests are "
                    + "checked before their release");
        }
        List<RequestFile> files = requests.currentFiles(requestId).stream().filter(f -> fileIds.contains(f.id()))
                .toList();
        if (files.size() != fileIds.size()) {
            throw ApiException.invalid("fileIds", "must all be current files of the request");
        }
        Map<UUID, FileCheckResult> now = run.run(request, files);
        return transactions.execute(status -> {
            Map<UUID, StoredCheckResult> atSubmission = results.latest(requestId, CheckPurpose.SUBMISSION);
            List<UUID> changed = new ArrayList<>();
            now.forEach((fileId, result) -> {
                results.insert(new StoredCheckResult(UUID.randomUUID(), requestId, fileId, null,
                        CheckPurpose.PRE_RELEASE, result, clock.instant()));
                StoredCheckResult before = atSubmission.get(fileId);
                if (before == null || !sameOutcome(before.result(), result)) {
                    changed.add(fileId);
                }
            });
            audit.record(new AuditEvent("system", "request.rechecked", request.project(), request.target(), Map.of(
                    "files", now.size(), "changed", changed.size(), "policyHash", request.policyHash(),
                    "engineVersion", run.engineVersion())));
            if (!changed.isEmpty()) {
                lifecycle.move(requestId, RequestStatus.IN_REVIEW, Actor.SYSTEM, "system", "the checks before the "
                        + "release gave another result", Map.of("changedFiles", changed.stream().map(UUID::toString)
                        .toList()));
            }
            return new Outcome(!changed.isEmpty(), List.copyOf(changed), now);
        });
    }

    /** Two results say the same of a file (the engine's version may differ). */
    static boolean sameOutcome(FileCheckResult a, FileCheckResult b) {
        return a.status() == b.status() && a.verifiedDirectIdentifier() == b.verifiedDirectIdentifier()
                && signatures(a.findings()).equals(signatures(b.findings()));
    }

    private static List<String> signatures(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "|" + f.status() + "|" + f.location() + "|"
                        + Objects.toString(f.valueDigest(), "") + "|" + Objects.toString(f.maskedValue(), ""))
                .sorted().toList();
    }
}
