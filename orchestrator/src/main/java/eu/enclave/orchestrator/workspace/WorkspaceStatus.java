package eu.enclave.orchestrator.workspace;

import java.util.Locale;

/** Where a workspace is in its life. Written in lower case in the API and the database. */
public enum WorkspaceStatus {
    PENDING, STARTING, RUNNING, STOPPING, STOPPED, FAILED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WorkspaceStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
