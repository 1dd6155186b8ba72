package eu.enclave.egress.checks.engine;

import eu.enclave.egress.checks.Location;

/**
 * Looks at every piece of text a reader finds: a line, a table cell, a JSON value, a PDF line, a comment, a file
 * name. Called on every cell of large tables: it must return at once on text that cannot hold what it looks for.
 */
public interface TextCheck extends Check {

    void inspect(CharSequence text, Location location, FileRun run);

    /** Whether text with these signals could hold what the rule looks for; the engine skips the rest. */
    default boolean wants(TextSignals signals) {
        return true;
    }
}
