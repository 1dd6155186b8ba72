package eu.enclave.orchestrator.secret;

/** The body of {@code PUT /api/v1/projects/{slug}/database-role}: a configured role, or null to unlink. */
public record DatabaseRoleInput(String role) {
}
