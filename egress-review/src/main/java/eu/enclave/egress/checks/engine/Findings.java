package eu.enclave.egress.checks.engine;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one file, bounded: each rule keeps at most {@link EngineLimits#maxFindingsPerRule()} findings,
 * the rest are counted and reported as one summary finding with the worst status among them, so that a 2 GB
 * table full of small counts is checked in constant memory and still fails.
 */
public final class Findings {

    private final int perRule;
    private final IdentifierDigest digest;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, Integer> keptPerRule = new HashMap<>();
    private final Map<String, Overflow> overflow = new LinkedHashMap<>();
    private boolean verifiedDirectIdentifier;

    public Findings(int perRule, IdentifierDigest digest) {
        this.perRule = perRule;
        this.digest = digest;
    }

    /** A finding whose value may be shown as it is (a count, a field name), or none. */
    public void add(String ruleId, CheckStatus status, Location location, String shownValue, String en, String fr) {
        add(new Finding(ruleId, status, location, shownValue, null, en, fr));
    }

    /** A finding about an identifier: the value is masked and digested here, never kept in clear. */
    public void addIdentifier(String ruleId, CheckStatus status, Location location, String clearValue, String en,
                              String fr) {
        add(new Finding(ruleId, status, location, IdentifierDigest.mask(clearValue), digest.digest(clearValue), en,
                fr));
    }

    public void add(Finding finding) {
        int count = keptPerRule.merge(finding.ruleId(), 1, Integer::sum);
        if (count <= perRule) {
            kept.add(finding);
        } else {
            overflow.computeIfAbsent(finding.ruleId(), id -> new Overflow()).add(finding.status());
        }
    }

    /** Findings of a rule that were counted but not built (a rule keeps a bounded number while it reads). */
    public void addUnlisted(String ruleId, CheckStatus status, long count) {
        if (count <= 0) {
            return;
        }
        keptPerRule.merge(ruleId, 0, Integer::sum);
        Overflow more = overflow.computeIfAbsent(ruleId, id -> new Overflow());
        more.count += count - 1;
        more.add(status);
    }

    public void markVerifiedDirectIdentifier() {
        verifiedDirectIdentifier = true;
    }

    public boolean verifiedDirectIdentifier() {
        return verifiedDirectIdentifier;
    }

    public boolean any(String ruleId) {
        return keptPerRule.containsKey(ruleId);
    }

    public String digest(String clear) {
        return digest.digest(clear);
    }

    /** Every finding kept, then one summary per rule that had more than it could keep. */
    public List<Finding> all() {
        List<Finding> all = new ArrayList<>(kept);
        overflow.forEach((rule, more) -> all.add(new Finding(rule, more.worst, Location.FILE,
                Long.toString(more.count), null,
                more.count + " more findings of this rule are not listed", more.count
                        + " autres constats de cette règle ne sont pas listés")));
        return all;
    }

    public CheckStatus worst() {
        CheckStatus worst = CheckStatus.PASS;
        for (Finding finding : kept) {
            worst = worst.worst(finding.status());
        }
        for (Overflow more : overflow.values()) {
            worst = worst.worst(more.worst);
        }
        return worst;
    }

    private static final class Overflow {
        long count;
        CheckStatus worst = CheckStatus.PASS;

        void add(CheckStatus status) {
            count++;
            worst = worst.worst(status);
        }
    }
}
