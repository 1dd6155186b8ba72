package eu.enclave.orchestrator.dataset;

/**
 * A change to a registered dataset: absent fields stay as they are. The name cannot change; the source only while
 * no approval of the dataset is current or to come (see {@link DatasetService#update}).
 */
public record DatasetChanges(String description, String owner, String tier, DisclosureInput disclosure,
                             SourceInput source) {
}
