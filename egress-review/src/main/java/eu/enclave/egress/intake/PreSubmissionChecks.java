package eu.enclave.egress.intake;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.egress.intake.RequesterViews.ChecksView;
import eu.enclave.egress.orchestrator.OrchestratorProject;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.disclosure.FileType;
import eu.enclave.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/intake/checks}: the checks on one file, on the project's current policy, before anything is
 * submitted. Nothing is stored (the bytes live in a temporary file for the length of the call); the call is limited
 * in size and per token in rate, and audited with the file's hash and the findings' counts.
 */
@Service
public class PreSubmissionChecks {

    private static final int BUFFER = 1 << 16;

    private final OutputChecker checker;
    private final DraftService drafts;
    private final CheckScratch scratch;
    private final IntakeSettings settings;
    private final AuditTrail audit;
    private final CallRate rate;
    private final Clock clock;

    PreSubmissionChecks(OutputChecker checker, DraftService drafts, CheckScratch scratch, IntakeSettings settings,
                        AuditTrail audit, Clock clock) {
        this.checker = checker;
        this.drafts = drafts;
        this.scratch = scratch;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.rate = new CallRate(settings.checksPerMinute(), clock);
    }

    /** The answer: the file as received, and what the checks say of it. */
    public record CheckAnswer(String name, String sha256, long size, boolean typeAllowed, ChecksView checks) {
    }

    public CheckAnswer check(IntakeCaller caller, String rawName, boolean supporting, long contentLength,
                             InputStream body) {
        FileNames.Result name = FileNames.check(rawName);
        if (!name.accepted()) {
            throw ApiException.invalid("name", name.refusal());
        }
        long max = settings.checksMaxSize().toBytes();
        if (contentLength > max) {
            throw IntakeProblem.tooLarge("Content-Length", "is larger than " + UploadService.readable(max)
                    + ", the largest file a pre-submission check takes (enclave.intake.checks-max-size)");
        }
        if (!rate.admit(caller.token().key())) {
            throw IntakeProblem.tooMany("At most " + settings.checksPerMinute() + " pre-submission checks a minute "
                    + "per workspace (enclave.intake.checks-per-minute): wait a little, or submit the files.");
        }
        OrchestratorProject project = drafts.project(caller);
        Path file = null;
        try {
            file = scratch.create();
            Path path = file;
            Received received = receive(body, path, max);
            CheckedFile checked = new CheckedFile("check", "check", name.name(), received.size(), supporting,
                    () -> Files.newInputStream(path));
            FileCheckResult result = checker.check(caller.project(), List.of(checked), project.policy(),
                    project.policyHash()).get("check");
            if (result == null) {
                result = new FileCheckResult(CheckStatus.REVIEW, "unknown", List.of(), List.of(),
                        checker.engineVersion(), project.policyHash(), false);
            }
            boolean allowed = FileType.parse(result.detectedType())
                    .map(t -> project.policy().allowedTypes().contains(t)).orElse(true);
            auditCheck(caller, name.name(), received, result);
            return new CheckAnswer(name.name(), received.sha256(), received.size(), allowed,
                    ChecksView.of(result, clock.instant()));
        } catch (IOException e) {
            throw ApiException.unavailable("The pre-submission check could not keep the file for the checks; "
                    + "nothing was stored. Retry later.");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the sweeper removes it
                }
            }
        }
    }

    private record Received(String sha256, long size) {
    }

    private Received receive(InputStream body, Path file, long max) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw ApiException.invalid("body", "was interrupted or truncated before its end");
                }
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > max) {
                    throw IntakeProblem.tooLarge("body", "is larger than " + UploadService.readable(max)
                            + ", the largest file a pre-submission check takes (enclave.intake.checks-max-size)");
                }
                out.write(buffer, 0, n);
            }
        }
        return new Received(HexFormat.of().formatHex(digest.digest()), size);
    }

    private void auditCheck(IntakeCaller caller, String name, Received received, FileCheckResult result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workspace", caller.workspace());
        details.put("name", name);
        details.put("sha256", received.sha256());
        details.put("size", received.size());
        details.put("status", result.status().id());
        details.put("detectedType", result.detectedType());
        Map<String, Integer> findings = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            findings.merge(f.status().id(), 1, Integer::sum);
        }
        details.put("findings", findings);
        details.put("policyHash", result.policyHash());
        details.put("engineVersion", result.engineVersion());
        audit.record(new AuditEvent(caller.owner().username(), "intake.checked", caller.project(), null, details));
    }
}
