package eu.enclave.egress.checking.queue;

import java.util.Locale;

/** Why the checks ran: at a submission (by the queue), or once more just before the release package is built. */
public enum CheckPurpose {
    SUBMISSION, PRE_RELEASE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CheckPurpose of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
