package eu.enclave.egress.checks.engine;

import eu.enclave.platform.disclosure.FileType;

/**
 * One automated disclosure rule. Every rule is a small class listed once in {@code RuleRegistry}, with a row in
 * docs/checks.md giving its id, what it checks, its default and the source of that default. A rule is one of the
 * kinds below, by where its evidence appears while a file is read.
 */
public interface Check {

    /** Stable id, recorded with every finding ({@code table.small-count}). */
    String id();

    /** Whether the rule runs on a file of this detected type (its id is then listed in the result's rules run). */
    boolean appliesTo(FileType type);
}
