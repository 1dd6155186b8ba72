package eu.enclave.egress.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an output request is in its life (docs/request-states.md). Written in lower case in the API and database. */
public enum RequestStatus {
    DRAFT, SUBMITTED, IN_REVIEW, RETURNED, APPROVED, PARTIALLY_APPROVED, REJECTED, RELEASED, WITHDRAWN, REVOKED,
    EXPIRED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    public static Optional<RequestStatus> parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** For values read back from the database, which only ever holds valid ids. */
    public static RequestStatus of(String id) {
        return parse(id).orElseThrow(() -> new IllegalArgumentException("not a request status: " + id));
    }
}
