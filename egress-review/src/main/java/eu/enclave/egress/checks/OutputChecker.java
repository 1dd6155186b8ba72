package eu.enclave.egress.checks;

import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.util.List;
import java.util.Map;

/**
 * The automated disclosure checks, as egress-review calls them: every file of one submission together (a
 * supporting evidence file or an ACRO results file relates to the others), against the policy frozen on the
 * request. Must never throw for a file's content: a file that cannot be read or checked gets {@code review}
 * with the reason.
 */
public interface OutputChecker {

    /**
     * @param policyHash the hash recorded with the policy (the orchestrator's), copied into every result
     * @return a result per file, keyed by {@link CheckedFile#fileId()}
     */
    Map<String, FileCheckResult> check(String project, List<CheckedFile> files, DisclosurePolicy policy,
                                       String policyHash);

    /** The engine's version, recorded with every result. */
    String engineVersion();
}
