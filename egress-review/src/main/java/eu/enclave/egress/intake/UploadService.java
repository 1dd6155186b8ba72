package eu.enclave.egress.intake;

import eu.enclave.egress.access.ReviewAccessPolicy;
import eu.enclave.egress.orchestrator.Orchestrator;
import eu.enclave.egress.orchestrator.TokenIntrospection;
import eu.enclave.egress.request.DeclaredFile;
import eu.enclave.egress.request.FileGroup;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestFile;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.storage.BlobRef;
import eu.enclave.egress.storage.BlobStore;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Files into a request, one raw body at a time: checked from the headers before a byte is read (name, metadata,
 * state, limits), streamed into a staged blob ({@link UploadReceiver}), the egress token introspected once more, then
 * in one transaction the limits checked again under locks, the blob committed, its row written and the upload
 * audited. A refused or interrupted upload leaves no row and no blob; a failure after the blob's commit removes the
 * blob again unless another row names it.
 */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final Duration DAY = Duration.ofHours(24);

    private final RequestRepository requests;
    private final UploadReceiver receiver;
    private final BlobStore blobs;
    private final Orchestrator orchestrator;
    private final DraftService drafts;
    private final TextScreen screen;
    private final ReviewAccessPolicy access;
    private final IntakeSettings settings;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UploadService(RequestRepository requests, UploadReceiver receiver, BlobStore blobs, Orchestrator orchestrator,
                  DraftService drafts, TextScreen screen, ReviewAccessPolicy access, IntakeSettings settings,
                  AuditTrail audit, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.receiver = receiver;
        this.blobs = blobs;
        this.orchestrator = orchestrator;
        this.drafts = drafts;
        this.screen = screen;
        this.access = access;
        this.settings = settings;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A stored file, and whether it was stored by this call or already was (same name, same content: a retry). */
    public record Stored(RequestFile file, boolean created) {
    }

    /** {@code PUT .../files/{name}}: a new file of a draft (or of a returned request). */
    public Stored upload(IntakeCaller caller, UUID requestId, String rawName, UploadHeaders headers, InputStream body) {
        FileNames.Result checked = FileNames.check(rawName);
        if (!checked.accepted()) {
            throw ApiException.invalid("name", checked.refusal());
        }
        String name = checked.name();
        String key = FileNames.key(name);
        Request request = editableRequest(caller, requestId);
        Optional<DeclaredFile> declared = requests.declaration(requestId, key);
        List<FileGroup> groups = requests.groups(requestId);
        String group = headers.group() != null ? headers.group() : declared.map(DeclaredFile::group)
                .orElse(groups.size() == 1 ? groups.get(0).name() : null);
        String description = headers.description() != null ? headers.description()
                : declared.map(DeclaredFile::description).orElse("");
        boolean supporting = headers.supporting() != null ? headers.supporting()
                : declared.map(DeclaredFile::supporting).orElse(false);
        List<FieldProblem> problems = new ArrayList<>(TextScreen.length(UploadHeaders.DESCRIPTION, description,
                TextScreen.MAX_TEXT, false));
        if (group == null || groups.stream().noneMatch(g -> g.name().equals(group))) {
            problems.add(new FieldProblem(UploadHeaders.GROUP, (group == null ? "is required" : "'" + group
                    + "' is not a group of this request") + "; its groups are " + groups.stream().map(FileGroup::name)
                    .collect(Collectors.joining(", "))));
        }
        if (!problems.isEmpty()) {
            throw IntakeProblem.invalid(problems);
        }
        DisclosurePolicy policy = drafts.project(caller).policy();
        List<FieldProblem> identifiers = screen.problems(Map.of(UploadHeaders.DESCRIPTION, description), policy);
        if (!identifiers.isEmpty()) {
            throw IntakeProblem.invalid(identifiers);
        }
        Optional<RequestFile> existing = requests.currentFileByKey(requestId, key);
        if (existing.isPresent() && !existing.get().name().equals(name)) {
            throw caseClash(name, existing.get());
        }
        checkFileCount(request, existing.isPresent() ? 0 : 1);
        try (ReceivedUpload received = receive(caller, headers, body, policy)) {
            stillActive(caller);
            return commit(received, ref -> transactions.execute(status -> {
                Request locked = lockEditable(requestId);
                Optional<RequestFile> now = requests.currentFileByKey(requestId, key);
                if (now.isPresent()) {
                    if (now.get().name().equals(name) && now.get().sha256().equals(received.staged().sha256())) {
                        return new Stored(now.get(), false);
                    }
                    throw now.get().name().equals(name) ? alreadyStored(name) : caseClash(name, now.get());
                }
                checkFileCount(locked, 1);
                checkDailyBytes(locked.project(), received.staged().size());
                BlobRef blob = ref.apply(received);
                RequestFile file = new RequestFile(UUID.randomUUID(), requestId, group, name, description, supporting,
                        1, null, null, null, blob.sha256(), blob.size(), received.detectedType(), blob.store(),
                        blob.locator(), clock.instant(), null, null);
                requests.insertFile(file, key);
                requests.deleteDeclaration(requestId, key);
                auditStored(caller, locked, file, "request.file_uploaded");
                return new Stored(file, true);
            }));
        }
    }

    /** {@code POST .../files/{fileId}/versions}: a new version of a file of a returned request. */
    public Stored newVersion(IntakeCaller caller, UUID requestId, UUID fileId, UploadHeaders headers,
                             InputStream body) {
        Request request = editableRequest(caller, requestId);
        if (request.status() != RequestStatus.RETURNED) {
            throw ApiException.conflict("status", "is '" + request.status() + "': new versions are sent for a request "
                    + "returned to its requester (a draft's files are simply uploaded)");
        }
        RequestFile old = requests.file(requestId, fileId)
                .orElseThrow(() -> ApiException.notFound("fileId", "No such file in this request."));
        if (!old.current()) {
            throw ApiException.conflict("fileId", "is version " + old.version() + ", already replaced: send a new "
                    + "version of the current one");
        }
        String description = headers.description() != null ? headers.description() : old.description();
        List<FieldProblem> problems = TextScreen.length(UploadHeaders.DESCRIPTION, description, TextScreen.MAX_TEXT,
                false);
        if (headers.group() != null && !headers.group().equals(old.group())) {
            problems = new ArrayList<>(problems);
            problems.add(new FieldProblem(UploadHeaders.GROUP, "a new version stays in its file's group '"
                    + old.group() + "'"));
        }
        if (!problems.isEmpty()) {
            throw IntakeProblem.invalid(problems);
        }
        DisclosurePolicy policy = drafts.project(caller).policy();
        List<FieldProblem> identifiers = screen.problems(Map.of(UploadHeaders.DESCRIPTION, description), policy);
        if (!identifiers.isEmpty()) {
            throw IntakeProblem.invalid(identifiers);
        }
        boolean supporting = headers.supporting() != null ? headers.supporting() : old.supporting();
        try (ReceivedUpload received = receive(caller, headers, body, policy)) {
            if (received.staged().sha256().equals(old.sha256())) {
                throw ApiException.conflict("body", "is the same content as version " + old.version()
                        + " (SHA-256 " + old.sha256() + "): nothing changed");
            }
            stillActive(caller);
            return commit(received, ref -> transactions.execute(status -> {
                Request locked = lockEditable(requestId);
                RequestFile current = requests.file(requestId, fileId).orElseThrow();
                if (locked.status() != RequestStatus.RETURNED || !current.current()) {
                    throw ApiException.conflict("fileId", "was replaced or the request moved on meanwhile");
                }
                checkDailyBytes(locked.project(), received.staged().size());
                BlobRef blob = ref.apply(received);
                Instant now = clock.instant();
                requests.supersede(old.id(), now);
                RequestFile file = new RequestFile(UUID.randomUUID(), requestId, old.group(), old.name(), description,
                        supporting, old.version() + 1, old.id(), old.sha256(), null, blob.sha256(), blob.size(),
                        received.detectedType(), blob.store(), blob.locator(), now, null, null);
                requests.insertFile(file, FileNames.key(old.name()));
                auditStored(caller, locked, file, "request.file_versioned");
                return new Stored(file, true);
            }));
        }
    }

    private Request editableRequest(IntakeCaller caller, UUID requestId) {
        Request request = requests.find(requestId).orElseThrow(ReviewAccessPolicy::noSuchRequest);
        access.checkCanChangeFromWorkspace(caller.project(), caller.owner(), caller.workspaceId(), request);
        DraftService.checkEditable(request);
        return request;
    }

    private Request lockEditable(UUID requestId) {
        Request locked = requests.lock(requestId).orElseThrow();
        DraftService.checkEditable(locked);
        return locked;
    }

    private ReceivedUpload receive(IntakeCaller caller, UploadHeaders headers, InputStream body,
                                   DisclosurePolicy policy) {
        long perFile = settings.maxFileSize().toBytes();
        long dayLimit = settings.maxBytesPerProjectPerDay().toBytes();
        long remaining = dayLimit - requests.bytesUploadedSince(caller.project(), clock.instant().minus(DAY));
        long max = Math.min(perFile, Math.max(0, remaining));
        LongFunction<ApiException> overLimit = limit -> limit >= perFile
                ? IntakeProblem.tooLarge("body", "is larger than " + readable(perFile) + ", the largest file "
                        + "accepted (enclave.intake.max-file-size); nothing was stored")
                : dailyLimit(caller.project(), remaining, dayLimit);
        if (headers.contentLength() > max) {
            throw headers.contentLength() > perFile
                    ? IntakeProblem.tooLarge("Content-Length", "is larger than " + readable(perFile) + ", the largest "
                            + "file accepted (enclave.intake.max-file-size)")
                    : dailyLimit(caller.project(), remaining, dayLimit);
        }
        if (max == 0) {
            throw dailyLimit(caller.project(), remaining, dayLimit);
        }
        return receiver.receive(body, max, overLimit, policy, headers.sha256());
    }

    /** Introspected once more, asking the orchestrator now: a token that ended during the upload stores nothing. */
    private void stillActive(IntakeCaller caller) {
        TokenIntrospection answer = orchestrator.introspectNow(caller.token().value());
        if (!answer.active() || !answer.workspace().startId().equals(caller.startId())) {
            throw IntakeProblem.tokenEnded(answer.active() ? "revoked" : answer.reason());
        }
    }

    /**
     * Runs {@code store}, which commits the blob (through the function it is given) and writes its row in one
     * transaction. Should the transaction fail after the blob's commit, the blob is removed again, unless a row names
     * it (the same content stored by another upload).
     */
    private Stored commit(ReceivedUpload received, Function<Function<ReceivedUpload, BlobRef>, Stored> store) {
        AtomicReference<BlobRef> committed = new AtomicReference<>();
        try {
            return store.apply(r -> {
                lockBlob(r.staged().sha256());
                try {
                    BlobRef ref = r.upload().commit();
                    committed.set(ref);
                    return ref;
                } catch (IOException e) {
                    throw ApiException.unavailable("The blob store cannot take the file now; nothing was stored. "
                            + "Retry later.");
                }
            });
        } catch (RuntimeException e) {
            BlobRef blob = committed.get();
            if (blob != null) {
                removeUnreferenced(blob);
            }
            throw e;
        }
    }

    private void removeUnreferenced(BlobRef blob) {
        try {
            transactions.executeWithoutResult(status -> {
                lockBlob(blob.sha256());
                if (!requests.blobReferenced(blob.locator())) {
                    try {
                        blobs.delete(blob.locator());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        } catch (RuntimeException e) {
            log.error("A blob ({}) whose row could not be written could not be removed; it is named by no file",
                    blob.sha256(), e);
        }
    }

    /** Serialises, per content, a blob's commit and its row with another upload's (or a removal) of the same bytes. */
    private void lockBlob(String sha256) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(1, hashtext(?))").param(sha256).query(Integer.class).single();
    }

    private void checkDailyBytes(String project, long size) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(2, hashtext(?))").param(project).query(Integer.class).single();
        long dayLimit = settings.maxBytesPerProjectPerDay().toBytes();
        long used = requests.bytesUploadedSince(project, clock.instant().minus(DAY));
        if (used + size > dayLimit) {
            throw dailyLimit(project, dayLimit - used, dayLimit);
        }
    }

    private void checkFileCount(Request request, int adding) {
        if (requests.currentFileCount(request.id()) + adding > settings.maxFilesPerRequest()) {
            throw ApiException.conflict("files", "a request holds at most " + settings.maxFilesPerRequest()
                    + " files (enclave.intake.max-files-per-request): start another request for more");
        }
    }

    private void auditStored(IntakeCaller caller, Request request, RequestFile file, String action) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workspace", caller.workspace());
        details.put("file", file.id().toString());
        details.put("name", file.name());
        details.put("group", file.group());
        details.put("version", file.version());
        details.put("sha256", file.sha256());
        details.put("size", file.size());
        details.put("detectedType", file.detectedType());
        details.put("supporting", file.supporting());
        if (file.previousSha256() != null) {
            details.put("previousSha256", file.previousSha256());
        }
        audit.record(new AuditEvent(caller.owner().username(), action, request.project(), request.target(), details));
    }

    private static ApiException dailyLimit(String project, long remaining, long limit) {
        return IntakeProblem.tooLarge("body", "project " + project + " may upload " + readable(limit) + " in any 24 "
                + "hours (enclave.intake.max-bytes-per-project-per-day); " + readable(Math.max(0, remaining))
                + " remain now; nothing was stored");
    }

    private static ApiException alreadyStored(String name) {
        return ApiException.conflict("name", "'" + name + "' is already stored in this request with other content; a "
                + "returned request's file gets new versions (POST .../files/{fileId}/versions)");
    }

    private static ApiException caseClash(String name, RequestFile other) {
        return ApiException.conflict("name", "'" + name + "' differs only by case from '" + other.name()
                + "', already in this request");
    }

    static String readable(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return size.toGigabytes() + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return size.toMegabytes() + " MiB";
        }
        return bytes + " bytes";
    }
}
