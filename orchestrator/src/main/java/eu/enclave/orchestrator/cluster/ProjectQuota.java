package eu.enclave.orchestrator.cluster;

/**
 * What a project may consume on the cluster, as Kubernetes quantities (e.g. cpu "16", memory "64Gi").
 *
 * @param gpus        NVIDIA GPUs (requests of nvidia.com/gpu)
 * @param pvcs        number of persistent volume claims
 * @param storage     total requested storage
 */
public record ProjectQuota(String cpu, String memory, int gpus, int pods, int pvcs, String storage) {

    public static final ProjectQuota DEFAULT = new ProjectQuota("8", "32Gi", 0, 10, 20, "500Gi");
}
