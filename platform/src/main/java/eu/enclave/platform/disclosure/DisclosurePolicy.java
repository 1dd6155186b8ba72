package eu.enclave.platform.disclosure;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The risk appetite applied to a project's outputs: an immutable value with a canonical text and a hash. Every
 * check result, decision and release package records the hash of the policy it was made under, so that a later
 * change of threshold never alters what was recorded. Both services use this one class: the orchestrator
 * computes a project's policy (the strictest over its approved datasets, then its overrides) and serves its
 * canonical text and hash; egress-review freezes them on a request at submission and checks outputs with them.
 *
 * @param minimumCount            a frequency cell below this fails (11 by default: the French national health
 *                                data rule masks counts from 1 to 10)
 * @param zeros                   what a zero cell means
 * @param nkN                     N-K dominance: the number of largest contributors considered (2)
 * @param nkK                     N-K dominance: a cell fails when its {@code nkN} largest contributors make at
 *                                least this percentage of it (90)
 * @param pPercent                p % rule: a cell fails when the total minus its two largest contributors is less
 *                                than this percentage of the largest (10)
 * @param minimumDegreesOfFreedom a model with fewer residual degrees of freedom fails (10)
 * @param allowedTypes            the file types (detected by content) the project may submit
 * @param plotsMayPass            whether an image without identifying metadata may pass (else review)
 * @param identifierPatterns      custom direct identifiers (RE2/J), in their sorted order
 */
public record DisclosurePolicy(int minimumCount, ZeroRule zeros, int nkN, int nkK, int pPercent,
                               int minimumDegreesOfFreedom, Set<FileType> allowedTypes, boolean plotsMayPass,
                               List<IdentifierPattern> identifierPatterns) {

    /** The version of the canonical text's shape; a new shape gets a new number, old hashes stay valid. */
    public static final int FORMAT = 1;
    public static final int MAX_PATTERNS = 50;
    public static final int MAX_PATTERN_LENGTH = 500;

    public static final DisclosurePolicy DEFAULT = new DisclosurePolicy(11, ZeroRule.REVIEW, 2, 90, 10, 10,
            FileType.UNDERSTOOD, false, List.of());

    private static final java.util.regex.Pattern PATTERN_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public DisclosurePolicy {
        allowedTypes = allowedTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedTypes));
        identifierPatterns = List.copyOf(new TreeSet<>(identifierPatterns));
    }

    /**
     * A policy at least as strict as both: the higher thresholds, the stricter zero rule, the types both allow,
     * plots passing only if both let them, and every identifier pattern of either.
     */
    public DisclosurePolicy strictest(DisclosurePolicy other) {
        Set<FileType> types = EnumSet.noneOf(FileType.class);
        types.addAll(allowedTypes);
        types.retainAll(other.allowedTypes);
        List<IdentifierPattern> patterns = new ArrayList<>(identifierPatterns);
        patterns.addAll(other.identifierPatterns);
        return new DisclosurePolicy(Math.max(minimumCount, other.minimumCount), zeros.strictest(other.zeros),
                Math.max(nkN, other.nkN), Math.min(nkK, other.nkK), Math.max(pPercent, other.pPercent),
                Math.max(minimumDegreesOfFreedom, other.minimumDegreesOfFreedom), types,
                plotsMayPass && other.plotsMayPass, patterns);
    }

    /** The fields in which this policy is looser than {@code floor}: an override may only tighten. */
    public List<PolicyError> loosenings(DisclosurePolicy floor) {
        List<PolicyError> errors = new ArrayList<>();
        if (minimumCount < floor.minimumCount) {
            errors.add(new PolicyError("minimumCount", "may only be raised: at least " + floor.minimumCount));
        }
        if (zeros.compareTo(floor.zeros) < 0) {
            errors.add(new PolicyError("zeros", "may only be made stricter than '" + floor.zeros + "'"));
        }
        if (nkN < floor.nkN) {
            errors.add(new PolicyError("nk.n", "may only be raised: at least " + floor.nkN));
        }
        if (nkK > floor.nkK) {
            errors.add(new PolicyError("nk.k", "may only be lowered: at most " + floor.nkK));
        }
        if (pPercent < floor.pPercent) {
            errors.add(new PolicyError("pPercent", "may only be raised: at least " + floor.pPercent));
        }
        if (minimumDegreesOfFreedom < floor.minimumDegreesOfFreedom) {
            errors.add(new PolicyError("minimumDegreesOfFreedom", "may only be raised: at least "
                    + floor.minimumDegreesOfFreedom));
        }
        Set<FileType> added = EnumSet.noneOf(FileType.class);
        added.addAll(allowedTypes);
        added.removeAll(floor.allowedTypes);
        if (!added.isEmpty()) {
            errors.add(new PolicyError("allowedTypes", "may only remove types; not allowed: " + sorted(added)));
        }
        if (plotsMayPass && !floor.plotsMayPass) {
            errors.add(new PolicyError("plotsMayPass", "may only be turned off"));
        }
        if (!identifierPatterns.containsAll(floor.identifierPatterns)) {
            errors.add(new PolicyError("identifierPatterns", "may only add patterns, never drop one"));
        }
        return errors;
    }

    /** Everything wrong with this policy, every field at once; empty when it is acceptable. */
    public List<PolicyError> validate() {
        List<PolicyError> errors = new ArrayList<>();
        range(errors, "minimumCount", minimumCount, 1, 1_000_000);
        range(errors, "nk.n", nkN, 1, 10);
        range(errors, "nk.k", nkK, 1, 100);
        range(errors, "pPercent", pPercent, 0, 100);
        range(errors, "minimumDegreesOfFreedom", minimumDegreesOfFreedom, 0, 1_000_000);
        if (allowedTypes.isEmpty()) {
            errors.add(new PolicyError("allowedTypes", "must allow at least one type of: " + FileType.known()));
        }
        if (identifierPatterns.size() > MAX_PATTERNS) {
            errors.add(new PolicyError("identifierPatterns", "at most " + MAX_PATTERNS + " patterns"));
        }
        for (int i = 0; i < identifierPatterns.size(); i++) {
            patternErrors(errors, "identifierPatterns[" + i + "]", identifierPatterns.get(i));
        }
        return errors;
    }

    /** What is wrong with one custom identifier pattern; empty when RE2/J compiles it and it cannot match nothing. */
    public static List<PolicyError> patternErrors(String field, IdentifierPattern pattern) {
        List<PolicyError> errors = new ArrayList<>();
        patternErrors(errors, field, pattern);
        return errors;
    }

    private static void patternErrors(List<PolicyError> errors, String field, IdentifierPattern pattern) {
        if (!PATTERN_NAME.matcher(pattern.name()).matches()) {
            errors.add(new PolicyError(field + ".name", "must be 1 to 40 lower-case letters, digits or '-'"));
        }
        if (pattern.pattern().isEmpty() || pattern.pattern().length() > MAX_PATTERN_LENGTH) {
            errors.add(new PolicyError(field + ".pattern", "must be 1 to " + MAX_PATTERN_LENGTH + " characters"));
            return;
        }
        try {
            if (Pattern.compile(pattern.pattern()).matches("")) {
                errors.add(new PolicyError(field + ".pattern", "matches the empty text, so it would flag everything"));
            }
        } catch (PatternSyntaxException e) {
            errors.add(new PolicyError(field + ".pattern", "is not a valid RE2/J expression: " + e.getDescription()));
        }
    }

    /**
     * The canonical text: JSON with keys in alphabetical order, no spaces, types sorted, patterns sorted, UTF-8.
     * Two equal policies have the same text, whichever service or release wrote it.
     */
    public String canonicalJson() {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"allowedTypes\":[")
                .append(allowedTypes.stream().map(FileType::id).sorted().map(DisclosurePolicy::quoted)
                        .collect(Collectors.joining(",")))
                .append("],\"format\":").append(FORMAT)
                .append(",\"identifierPatterns\":[")
                .append(identifierPatterns.stream().map(p -> "{\"name\":" + quoted(p.name()) + ",\"pattern\":"
                        + quoted(p.pattern()) + "}").collect(Collectors.joining(",")))
                .append("],\"minimumCount\":").append(minimumCount)
                .append(",\"minimumDegreesOfFreedom\":").append(minimumDegreesOfFreedom)
                .append(",\"nk\":{\"k\":").append(nkK).append(",\"n\":").append(nkN).append('}')
                .append(",\"pPercent\":").append(pPercent)
                .append(",\"plotsMayPass\":").append(plotsMayPass)
                .append(",\"zeros\":").append(quoted(zeros.id()))
                .append('}');
        return json.toString();
    }

    /** {@code sha256:} and the lower-case hex SHA-256 of the canonical text. */
    public String hash() {
        return hashOf(canonicalJson());
    }

    public static String hashOf(String canonicalJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static void range(List<PolicyError> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(new PolicyError(field, "must be between " + min + " and " + max));
        }
    }

    private static String sorted(Set<FileType> types) {
        return types.stream().map(FileType::id).sorted().collect(Collectors.joining(", "));
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
