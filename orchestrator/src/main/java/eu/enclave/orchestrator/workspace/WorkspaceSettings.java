package eu.enclave.orchestrator.workspace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idleTimeout     a running workspace without a desktop session for this long is stopped
 * @param homeSize        the size of each researcher's home volume in a project
 * @param homeStorageClass null for the cluster's default class
 * @param simulatedWorkloads on a simulated cluster, whether pods are made to appear for workspace StatefulSets
 *                        (so the portal works end to end); ignored on a real cluster
 * @param statusResync    how often the informers replay every workspace's state, repairing a missed change
 */
@ConfigurationProperties("enclave.workspaces")
public record WorkspaceSettings(Duration idleTimeout, String homeSize, String homeStorageClass,
                                Boolean simulatedWorkloads, Duration statusResync) {

    public WorkspaceSettings {
        idleTimeout = idleTimeout == null ? Duration.ofHours(2) : idleTimeout;
        homeSize = homeSize == null ? "10Gi" : homeSize;
        simulatedWorkloads = simulatedWorkloads == null || simulatedWorkloads;
        statusResync = statusResync == null ? Duration.ofMinutes(5) : statusResync;
    }

    public static WorkspaceSettings defaults() {
        return new WorkspaceSettings(null, null, null, null, null);
    }
}
