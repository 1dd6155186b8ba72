package eu.enclave.orchestrator.gateway;

import java.time.Instant;
import java.util.UUID;

/**
 * An authorised desktop session about to reach guacd: who, which workspace, under which project rules, recorded
 * where (or not), with the desktop password. {@link #toString()} leaves the password out.
 */
public record Admission(UUID sessionId, String projectSlug, UUID projectId, DesktopWorkspace workspace,
                        DesktopSettings settings, Recording recording, String desktopPassword, Instant admittedAt) {

    public boolean recorded() {
        return recording != null;
    }

    @Override
    public String toString() {
        return "Admission[" + sessionId + " " + projectSlug + "/" + workspace.name() + ", " + settings
                + (recorded() ? ", recorded" : "") + "]";
    }
}
