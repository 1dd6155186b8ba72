package eu.enclave.egress.orchestrator;

import java.time.Instant;
import java.util.UUID;

/**
 * What the orchestrator says of an egress token: whose workspace of which project, from which start, and whether it
 * is active now. An inactive answer carries only the reason ({@code unknown}, {@code revoked},
 * {@code workspace-not-running}, {@code project-not-active}, {@code not-a-member}).
 */
public record TokenIntrospection(boolean active, String reason, ProjectRef project, WorkspaceRef workspace,
                                 Person owner, Instant issuedAt) {

    public static TokenIntrospection inactive(String reason) {
        return new TokenIntrospection(false, reason, null, null, null, null);
    }

    public record ProjectRef(UUID id, String slug, String status) {
    }

    /** @param podAddress the pod's IP when the cluster reports one; null on the simulated cluster */
    public record WorkspaceRef(UUID id, String name, UUID startId, String podAddress) {
    }
}
