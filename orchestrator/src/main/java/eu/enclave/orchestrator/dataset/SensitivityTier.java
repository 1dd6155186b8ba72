package eu.enclave.orchestrator.dataset;

import java.util.Locale;

/**
 * How sensitive a dataset is, in the terms of the European Health Data Space (secondary use) and of the French
 * national health data system (SNDS). Written in lower case in the API and the database. Later features key their
 * strictness on it (the egress review asks for two approvals at {@link #HIGHLY_SENSITIVE}).
 */
public enum SensitivityTier {
    /** No person can be identified any more (aggregates, synthetic data): EHDS's default form of access. */
    ANONYMISED,
    /** Individual-level records with direct identifiers replaced (a hospital data warehouse extract). */
    PSEUDONYMISED,
    /**
     * Pseudonymised data whose re-identification risk or harm is high: national claims (SNDS), genomic data, rare
     * diseases, small populations.
     */
    HIGHLY_SENSITIVE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SensitivityTier parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
