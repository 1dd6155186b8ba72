package eu.enclave.orchestrator.dataset;

/**
 * What an admin gives to register a dataset (API body and portal form alike); checked by {@link DatasetRules}.
 *
 * @param disclosure optional; the defaults apply when absent
 */
public record DatasetInput(String name, String description, String owner, String tier, DisclosureInput disclosure,
                           SourceInput source) {
}
