package eu.enclave.orchestrator.cluster.settings;

import java.util.List;

/** The body of {@code PUT .../mirrors}: the whole list, replacing the stored one ({@code []} removes them all). */
public record MirrorsInput(List<MirrorInput> mirrors) {
}
