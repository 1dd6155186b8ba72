package eu.enclave.orchestrator.cluster.leader;

/** This replica became the leader; published on a leader election thread, so listeners must hand work over. */
public record LeadershipAcquired(String identity) {
}
