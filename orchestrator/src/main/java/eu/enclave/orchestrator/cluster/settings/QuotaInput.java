package eu.enclave.orchestrator.cluster.settings;

/**
 * A project's quota as given to {@code PUT .../quota}: every field required (a full replacement), boxed so that
 * a missing number is reported rather than read as zero.
 */
public record QuotaInput(String cpu, String memory, Integer gpus, Integer pods, Integer pvcs, String storage) {
}
