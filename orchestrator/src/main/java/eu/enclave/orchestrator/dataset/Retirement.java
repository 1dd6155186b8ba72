package eu.enclave.orchestrator.dataset;

/** Why an admin retires a dataset: optional, recorded in the audit trail. */
public record Retirement(String reason) {
}
