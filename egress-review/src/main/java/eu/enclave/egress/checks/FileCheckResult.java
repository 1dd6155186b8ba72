package eu.enclave.egress.checks;

import java.util.List;

/**
 * The automated checks' result for one file, recorded with the request and never altered: later policy changes
 * make new results, they do not rewrite this one.
 *
 * @param status                   the worst status of the findings, or what the checks concluded for the file
 * @param detectedType             the type found from the content ({@code csv}, {@code pdf}, ...; {@code unknown})
 * @param rulesRun                 ids of the rules that ran on the file
 * @param engineVersion            the checks engine's version
 * @param policyHash               the hash of the policy checked against ({@code sha256:...})
 * @param verifiedDirectIdentifier a verified direct identifier (a NIR or RPPS with a valid key) was found: the
 *                                 file needs one more approving reviewer than the project requires
 */
public record FileCheckResult(CheckStatus status, String detectedType, List<String> rulesRun, List<Finding> findings,
                              String engineVersion, String policyHash, boolean verifiedDirectIdentifier) {

    public FileCheckResult {
        rulesRun = List.copyOf(rulesRun);
        findings = List.copyOf(findings);
    }
}
