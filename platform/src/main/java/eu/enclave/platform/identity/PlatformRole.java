package eu.enclave.platform.identity;

/** Roles held across all projects, granted by the identity provider (or the demo directory). */
public enum PlatformRole {
    ADMIN, STEWARD
}
