package eu.enclave.egress.checks;

import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.util.List;
import java.util.Map;

/**
 * The automated disclosure checks, as egress-review calls them. Must never throw for a file's content: a file that
 * cannot be read or checked gets {@code review} with the reason.
 */
public interface OutputChecker {

    /**
     * Every file of one submission together (a supporting evidence file or an ACRO results file relates to the
     * others), against the policy frozen on the request.
     *
     * @param policyHash the hash recorded with the policy (the orchestrator's), copied into every result
     * @return a result per file, keyed by {@link CheckedFile#fileId()}
     */
    Map<String, FileCheckResult> check(String project, List<CheckedFile> files, DisclosurePolicy policy,
                                       String policyHash);

    /**
     * The type of a file from its first bytes (at most {@link #HEAD_BYTES}), as the intake sees them while the
     * upload streams: a type id of {@code eu.enclave.platform.disclosure.FileType}, or {@code unknown} when the
     * bytes are none of them. The full check detects again from the whole file.
     */
    String detectType(byte[] head);

    /**
     * Identifier findings in a free-text field of a request (title, purpose, a group's context, a description,
     * a comment): the intake refuses a text with a verified direct identifier, naming the field.
     */
    List<Finding> screenText(String text, DisclosurePolicy policy);

    /** The engine's version, recorded with every result. */
    String engineVersion();

    int HEAD_BYTES = 1 << 20;
}
