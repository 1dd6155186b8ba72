package eu.enclave.orchestrator.cluster.leader;

/** This replica stopped leading; published on a leader election thread, so listeners must hand work over. */
public record LeadershipLost(String identity) {
}
