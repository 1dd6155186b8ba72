package eu.enclave.egress.checks;

import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the disclosure checks engine while none is installed: every file is {@code review} with the reason
 * "not checked" (never {@code pass}: a person must look), the type is {@code unknown}, and free text has no finding.
 * Registered only when no other {@link OutputChecker} bean exists ({@link CheckerFallbackAutoConfiguration}).
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
