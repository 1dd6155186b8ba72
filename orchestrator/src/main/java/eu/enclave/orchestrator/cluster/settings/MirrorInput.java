package eu.enclave.orchestrator.cluster.settings;

/** One mirror as given to {@code PUT .../mirrors}; {@code hostname} may be absent. */
public record MirrorInput(String name, String cidr, Integer port, String hostname) {
}
