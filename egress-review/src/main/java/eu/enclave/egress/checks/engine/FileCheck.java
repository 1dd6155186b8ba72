package eu.enclave.egress.checks.engine;

import eu.enclave.platform.disclosure.FileType;

/** Looks at a whole file once, before it is read: its detected type, its name. */
public interface FileCheck extends Check {

    /** {@code type} is null when the content is none of the understood types. */
    void check(FileType type, FileRun run);
}
