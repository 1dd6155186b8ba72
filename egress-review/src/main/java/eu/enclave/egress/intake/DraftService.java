package eu.enclave.egress.intake;

import eu.enclave.egress.access.ReviewAccessPolicy;
import eu.enclave.egress.orchestrator.Orchestrator;
import eu.enclave.egress.orchestrator.OrchestratorProject;
import eu.enclave.egress.orchestrator.OrchestratorUnavailable;
import eu.enclave.egress.request.DeclaredFile;
import eu.enclave.egress.request.FileGroup;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequestTransitions;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts made and changed from inside a workspace: their texts checked and screened for identifiers, their
 * creation made idempotent per token owner by an {@code Idempotency-Key}, each change audited with it.
 */
@Service
public class DraftService {

    /** States in which a draft's texts, groups and declared files may change. */
    static final Set<RequestStatus> EDITABLE = EnumSet.of(RequestStatus.DRAFT, RequestStatus.RETURNED);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestRepository requests;
    private final IdempotencyKeys keys;
    private final Orchestrator orchestrator;
    private final TextScreen screen;
    private final ReviewAccessPolicy access;
    private final IntakeSettings settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DraftService(RequestRepository requests, IdempotencyKeys keys, Orchestrator orchestrator, TextScreen screen,
                 ReviewAccessPolicy access, IntakeSettings settings, AuditTrail audit,
                 PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.keys = keys;
        this.orchestrator = orchestrator;
        this.screen = screen;
        this.access = access;
        this.settings = settings;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a creation answers: the request, and whether it was made now or by an earlier call with the same key. */
    public record Created(Request request, boolean replayed) {
    }

    public Created create(IntakeCaller caller, DraftInput input, String idempotencyKey) {
        IdempotencyKeys.checkFormat(idempotencyKey);
        List<FieldProblem> problems = DraftRules.problems(input, true, Set.of(), settings.maxGroups());
        if (!problems.isEmpty()) {
            throw IntakeProblem.invalid(problems);
        }
        screenTexts(caller, input);
        String contentHash = contentHash(input);
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(status -> createOnce(caller, input, idempotencyKey, contentHash));
            } catch (DuplicateKeyException sameKeyMeanwhile) {
                if (attempt > 0) {
                    throw sameKeyMeanwhile;
                }
            }
        }
    }

    private Created createOnce(IntakeCaller caller, DraftInput input, String idempotencyKey, String contentHash) {
        Instant now = clock.instant();
        if (idempotencyKey != null) {
            var earlier = keys.find(caller.owner(), idempotencyKey, now.minus(settings.idempotencyRetention()));
            if (earlier.isPresent()) {
                if (!earlier.get().contentHash().equals(contentHash)) {
                    throw ApiException.conflict("Idempotency-Key", "was already used in the last "
                            + settings.idempotencyRetention().toHours() + " h for a request with other content");
                }
                Request request = requests.find(earlier.get().requestId()).orElseThrow();
                return new Created(request, true);
            }
        }
        Request request = new Request(UUID.randomUUID(), caller.project(), caller.projectId(), caller.workspaceId(),
                caller.workspace(), new Request.Requester(caller.owner().issuer(), caller.owner().subject(),
                caller.owner().username(), displayName(caller)),
                input.title().strip(), input.purpose() == null ? "" : input.purpose(), RequestTransitions.INITIAL,
                null, null, null, 0, "", now, now, null, null);
        requests.insert(request);
        applyGroupsAndFiles(request.id(), input, List.of());
        if (idempotencyKey != null) {
            keys.record(caller.owner(), idempotencyKey, contentHash, request.id(), now,
                    now.minus(settings.idempotencyRetention()));
        }
        audit.record(new AuditEvent(caller.owner().username(), "request.created", caller.project(), request.target(),
                Map.of("workspace", caller.workspace(), "groups", input.groups().size(),
                        "declaredFiles", input.files().size())));
        return new Created(request, false);
    }

    public Request update(IntakeCaller caller, UUID requestId, DraftInput input) {
        Request current = requests.find(requestId).orElseThrow(ReviewAccessPolicy::noSuchRequest);
        access.checkCanChangeFromWorkspace(caller.project(), caller.owner(), caller.workspaceId(), current);
        Set<String> existing = requests.groups(requestId).stream().map(FileGroup::name).collect(Collectors.toSet());
        List<FieldProblem> problems = DraftRules.problems(input, false, existing, settings.maxGroups());
        if (!problems.isEmpty()) {
            throw IntakeProblem.invalid(problems);
        }
        screenTexts(caller, input);
        return transactions.execute(status -> {
            Request locked = requests.lock(requestId).orElseThrow();
            checkEditable(locked);
            requests.updateText(requestId, input.title() == null ? locked.title() : input.title().strip(),
                    input.purpose() == null ? locked.purpose() : input.purpose(), clock.instant());
            applyGroupsAndFiles(requestId, input, requests.groups(requestId));
            List<String> changed = new ArrayList<>();
            if (input.title() != null) {
                changed.add("title");
            }
            if (input.purpose() != null) {
                changed.add("purpose");
            }
            input.groups().forEach(g -> changed.add("groups." + g.name()));
            input.files().forEach(f -> changed.add("files." + f.name()));
            audit.record(new AuditEvent(caller.owner().username(), "request.updated", caller.project(),
                    locked.target(), Map.of("workspace", caller.workspace(), "changed", changed)));
            return requests.find(requestId).orElseThrow();
        });
    }

    static void checkEditable(Request request) {
        if (!EDITABLE.contains(request.status())) {
            throw ApiException.conflict("status", "is '" + request.status() + "': a request can be changed only as a "
                    + "draft, or once returned to its requester");
        }
    }

    private void applyGroupsAndFiles(UUID requestId, DraftInput input, List<FileGroup> existing) {
        Map<String, FileGroup> byName = new LinkedHashMap<>();
        existing.forEach(g -> byName.put(g.name(), g));
        int next = existing.stream().mapToInt(FileGroup::position).max().orElse(-1) + 1;
        for (DraftInput.Group group : input.groups()) {
            FileGroup old = byName.get(group.name());
            requests.upsertGroup(requestId, new FileGroup(group.name(),
                    group.context() != null ? group.context() : old == null ? "" : old.context(),
                    group.controls() != null ? group.controls() : old == null ? "" : old.controls(),
                    old == null ? next++ : old.position()));
        }
        for (DraftInput.DeclaredFileInput file : input.files()) {
            String name = FileNames.check(file.name()).name();
            if (requests.currentFileByKey(requestId, FileNames.key(name)).isPresent()) {
                throw ApiException.conflict("files", "'" + name + "' is already stored in this request");
            }
            requests.upsertDeclaration(requestId, FileNames.key(name), new DeclaredFile(name, file.group(),
                    file.description() == null ? "" : file.description(), Boolean.TRUE.equals(file.supporting())));
        }
    }

    private void screenTexts(IntakeCaller caller, DraftInput input) {
        List<FieldProblem> identifiers = screen.problems(DraftRules.texts(input), project(caller).policy());
        if (!identifiers.isEmpty()) {
            throw IntakeProblem.invalid(identifiers);
        }
    }

    /** The token's project as the orchestrator describes it now (cached ≤ 10 s). */
    OrchestratorProject project(IntakeCaller caller) {
        return orchestrator.project(caller.project()).orElseThrow(() -> new OrchestratorUnavailable(
                "the orchestrator introspected a token of project " + caller.project() + " but has no such project"));
    }

    private static String displayName(IntakeCaller caller) {
        String name = caller.owner().displayName();
        return name == null || name.isBlank() ? caller.owner().username() : name;
    }

    private static String contentHash(DraftInput input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(input).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
