package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.dataset.approval.DatasetAccess;
import java.util.List;
import java.util.UUID;

/** The datasets with a current approval, from the dataset approvals: nothing else is ever mounted. */
final class ApprovedDatasetMounts implements DatasetMounts {

    private final DatasetAccess access;

    ApprovedDatasetMounts(DatasetAccess access) {
        this.access = access;
    }

    @Override
    public List<DatasetMount> currentMounts(UUID projectId) {
        return access.currentMounts(projectId).stream()
                .map(m -> new DatasetMount(m.dataset(), m.claimName(), m.mountPath())).toList();
    }
}
