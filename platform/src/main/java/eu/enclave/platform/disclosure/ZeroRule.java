package eu.enclave.platform.disclosure;

import java.util.Locale;
import java.util.Optional;

/** What a zero cell in a frequency table means for the file (a structural zero can disclose as much as a 1). */
public enum ZeroRule {
    PASS, REVIEW, FAIL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    /** The stricter of the two. */
    public ZeroRule strictest(ZeroRule other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static Optional<ZeroRule> parse(String id) {
        for (ZeroRule rule : values()) {
            if (rule.id().equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
