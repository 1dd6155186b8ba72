package eu.enclave.egress.checks;

import java.util.Locale;

/**
 * A file's automated verdict, which informs reviewers and never decides: {@code pass}, {@code review} (a person
 * must look, including every "cannot tell"), {@code fail}. Ordered from the mildest.
 */
public enum CheckStatus {
    PASS, REVIEW, FAIL;

    public CheckStatus worst(CheckStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
