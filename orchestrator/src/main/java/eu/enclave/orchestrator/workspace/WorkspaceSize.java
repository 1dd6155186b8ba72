package eu.enclave.orchestrator.workspace;

/** What one workspace asks of the cluster: CPU and memory as Kubernetes quantities, and whole GPUs. */
public record WorkspaceSize(String cpu, String memory, int gpus) {
}
