package eu.enclave.orchestrator.workspace;

import java.util.List;
import java.util.UUID;

/**
 * INTERIM: mounts no dataset anywhere, until the dataset approvals feature provides a {@link DatasetMounts}
 * adapter (the bean in {@link WorkspaceConfiguration} is then replaced). Never mounting is the safe default.
 */
public final class NoDatasetMounts implements DatasetMounts {

    @Override
    public List<DatasetMount> currentMounts(UUID projectId) {
        return List.of();
    }
}
