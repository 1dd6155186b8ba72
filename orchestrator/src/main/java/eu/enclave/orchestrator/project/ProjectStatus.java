package eu.enclave.orchestrator.project;

import java.util.Locale;

/** Where a project is in its life. Written in lower case in the API and the database. */
public enum ProjectStatus {
    DRAFT, ACTIVE, SUSPENDED, ARCHIVED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProjectStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
