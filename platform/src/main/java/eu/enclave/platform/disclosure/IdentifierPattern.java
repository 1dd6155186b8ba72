package eu.enclave.platform.disclosure;

import java.util.Objects;

/**
 * A custom direct identifier that a dataset's outputs must never show (a study number, a local patient id), in
 * RE2/J syntax so that matching is linear in the input: no pattern can run away on a 2 GB file.
 *
 * @param name    short id shown in findings ({@code [a-z0-9-]}, at most 40 characters)
 * @param pattern the RE2/J regular expression
 */
public record IdentifierPattern(String name, String pattern) implements Comparable<IdentifierPattern> {

    public IdentifierPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public int compareTo(IdentifierPattern other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : pattern.compareTo(other.pattern);
    }
}
