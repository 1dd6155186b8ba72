package eu.enclave.orchestrator.membership;

import java.util.Locale;

/** A person's role within one project. Written in lower case in the API and the database. */
public enum ProjectRole {
    PI, RESEARCHER, REVIEWER;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProjectRole parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
