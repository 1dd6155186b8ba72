package eu.enclave.egress.support;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checker that checks nothing, for tests that script some files' results and leave the rest: every other file is
 * {@code review} "not checked" (never {@code pass}), the type {@code unknown}, free text without finding.
 */
public class NotCheckedOutputChecker implements OutputChecker {

    public static final String RULE = "checks.not-run";
    public static final String VERSION = "none";

    @Override
    public Map<String, FileCheckResult> check(String project, List<CheckedFile> files, DisclosurePolicy policy,
                                              String policyHash) {
        Map<String, FileCheckResult> results = new LinkedHashMap<>();
        for (CheckedFile file : files) {
            results.put(file.fileId(), new FileCheckResult(CheckStatus.REVIEW, "unknown", List.of(RULE),
                    List.of(new Finding(RULE, CheckStatus.REVIEW, Location.FILE, null, null,
                            "Not checked: no automated disclosure checks are installed; a reviewer must check this "
                                    + "file entirely.",
                            "Non vérifié : aucun contrôle automatique n'est installé ; un vérificateur doit examiner "
                                    + "ce fichier en entier.")),
                    VERSION, policyHash, false));
        }
        return results;
    }

    @Override
    public String detectType(byte[] head) {
        return "unknown";
    }

    @Override
    public List<Finding> screenText(String text, DisclosurePolicy policy) {
        return List.of();
    }

    @Override
    public String engineVersion() {
        return VERSION;
    }
}
