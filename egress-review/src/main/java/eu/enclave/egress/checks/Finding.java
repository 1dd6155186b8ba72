package eu.enclave.egress.checks;

import java.util.Objects;

/**
 * One thing a rule found. The offending value is never kept in clear when it identifies a person: {@code
 * maskedValue} shows at most its first characters, {@code valueDigest} lets a reviewer match two findings of the
 * same value without seeing it. Messages in English and French, as shown to reviewers and researchers.
 *
 * @param ruleId      stable id of the rule ({@code table.small-count}, {@code identifier.nir}, ...)
 * @param maskedValue the value as it may be shown (a count may be shown whole; an identifier only masked), or null
 * @param valueDigest a keyed digest of the clear value, or null when the value is not an identifier
 */
public record Finding(String ruleId, CheckStatus status, Location location, String maskedValue, String valueDigest,
                      String messageEn, String messageFr) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        location = location == null ? Location.FILE : location;
        Objects.requireNonNull(messageEn, "messageEn");
        Objects.requireNonNull(messageFr, "messageFr");
    }
}
