package eu.enclave.orchestrator.cluster;

/** A dataset a project may read now (its approval is current), and where its files are. */
public record DatasetVolume(String dataset, DatasetSource source) {
}
