package eu.enclave.platform.identity;

/**
 * Roles held across all projects, granted by the identity provider (or the demo directory). {@link #REVIEWER} is
 * a platform-wide output reviewer (an output-checking team), beside the per-project reviewer role.
 */
public enum PlatformRole {
    ADMIN, STEWARD, REVIEWER
}
