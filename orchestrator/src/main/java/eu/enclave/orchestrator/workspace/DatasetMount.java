package eu.enclave.orchestrator.workspace;

/**
 * One approved dataset as a workspace mounts it: always read-only.
 *
 * @param claimName the PersistentVolumeClaim in the project namespace that holds it
 * @param mountPath {@code /data/<dataset>}
 */
public record DatasetMount(String dataset, String claimName, String mountPath) {
}
