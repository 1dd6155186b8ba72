package eu.enclave.orchestrator.workspace;

import java.util.List;
import java.util.UUID;

/**
 * The datasets a project's workspaces mount now: only those with a current approval. Backed by the dataset
 * approvals ({@link ApprovedDatasetMounts}).
 */
public interface DatasetMounts {

    List<DatasetMount> currentMounts(UUID projectId);
}
