package eu.enclave.orchestrator.dataset.approval;

/** Why a steward revokes an approval: required, recorded in the audit trail and shown to the project. */
public record Revocation(String reason) {
}
