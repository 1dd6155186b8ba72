package eu.enclave.orchestrator.dataset;

import java.util.Locale;

/** A registered dataset is active until an admin retires it; a retired dataset gets no new approval. */
public enum DatasetStatus {
    ACTIVE, RETIRED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatasetStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
