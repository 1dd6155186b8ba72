package eu.enclave.orchestrator.workspace;

import java.util.List;
import java.util.UUID;

/**
 * The datasets a project's workspaces mount now: only those with a current approval. {@link NoDatasetMounts}
 * stands in until the dataset approvals' adapter replaces it.
 */
public interface DatasetMounts {

    List<DatasetMount> currentMounts(UUID projectId);
}
