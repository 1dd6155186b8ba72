package eu.enclave.orchestrator.gateway;

import java.util.Objects;
import java.util.UUID;

/**
 * What the gateway needs to know of a workspace: whose it is, whether it runs, and where its desktop listens
 * (the in-cluster Service {@code ws-<name>} in {@code enclave-<slug>}, port named {@code desktop}). No secret here:
 * the desktop password is asked for separately, only once the user is authorised.
 */
public record DesktopWorkspace(UUID id, UUID projectId, String name, UUID ownerId, boolean running, String hostname,
                               int port, DesktopProtocol protocol) {

    public DesktopWorkspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(protocol, "protocol");
    }
}
