package eu.enclave.egress.checking.queue;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestFile;
import eu.enclave.egress.storage.BlobStore;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.PolicyText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One run of the checks over files of a request, on the policy recorded on the request (its text checked against
 * its hash once more). A file the engine gives no result for is {@code review} with the reason: never {@code pass}.
 */
@Component
class CheckRun {

    static final String NO_RESULT = "checks.no-result";
    static final String FAILED = "checks.failed";

    private final OutputChecker checker;
    private final BlobStore blobs;

    CheckRun(OutputChecker checker, BlobStore blobs) {
        this.checker = checker;
        this.blobs = blobs;
    }

    Map<UUID, FileCheckResult> run(Request request, List<RequestFile> files) {
        DisclosurePolicy policy = PolicyText.parse(request.policyText(), request.policyHash());
        List<CheckedFile> checked = files.stream().map(f -> new CheckedFile(f.id().toString(), f.group(), f.name(),
                f.size(), f.supporting(), () -> blobs.open(f.blobLocator()))).toList();
        Map<String, FileCheckResult> results = checker.check(request.project(), checked, policy, request.policyHash());
        Map<UUID, FileCheckResult> byFile = new LinkedHashMap<>();
        for (RequestFile file : files) {
            FileCheckResult result = results.get(file.id().toString());
            byFile.put(file.id(), result != null ? result : reviewBecause(NO_RESULT, request.policyHash(),
                    "The checks gave no result for this file; a reviewer must check it entirely.",
                    "Les contrôles n'ont donné aucun résultat pour ce fichier ; un vérificateur doit l'examiner en entier."));
        }
        return byFile;
    }

    /** The result recorded for files the checks could not run on, after every attempt. */
    FileCheckResult failed(String policyHash) {
        return reviewBecause(FAILED, policyHash,
                "The automated checks could not run on this file; a reviewer must check it entirely.",
                "Les contrôles automatiques n'ont pas pu s'exécuter sur ce fichier ; un vérificateur doit l'examiner "
                        + "en entier.");
    }

    String engineVersion() {
        return checker.engineVersion();
    }

    private FileCheckResult reviewBecause(String rule, String policyHash, String en, String fr) {
        return new FileCheckResult(CheckStatus.REVIEW, "unknown", List.of(rule),
                List.of(new Finding(rule, CheckStatus.REVIEW, Location.FILE, null, null, en, fr)),
                checker.engineVersion(), policyHash, false);
    }
}
