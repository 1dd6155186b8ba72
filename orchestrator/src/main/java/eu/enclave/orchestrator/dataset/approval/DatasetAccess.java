package eu.enclave.orchestrator.dataset.approval;

import eu.enclave.orchestrator.cluster.DatasetVolume;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.DatasetRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which datasets a project may read today, for the platform's own use (the cluster spec, the workspace pods). Not
 * access-checked: it acts for the platform, not for a person; never hand its answers to a caller unchecked.
 */
@Component
public class DatasetAccess {

    private final ApprovalRepository approvals;
    private final DatasetRepository datasets;
    private final Clock clock;

    DatasetAccess(ApprovalRepository approvals, DatasetRepository datasets, Clock clock) {
        this.approvals = approvals;
        this.datasets = datasets;
        this.clock = clock;
    }

    /** Where each dataset with a current approval is mounted in the project's workspaces, by dataset name. */
    public List<DatasetMount> currentMounts(UUID projectId) {
        return approvals.findCurrent(projectId, LocalDate.now(clock)).stream()
                .map(a -> DatasetMount.of(a.dataset())).distinct().toList();
    }

    /** The datasets with a current approval and where their files are: what the project's bundle mounts. */
    @Transactional(readOnly = true)
    public List<DatasetVolume> currentVolumes(UUID projectId) {
        List<UUID> ids = approvals.findCurrent(projectId, LocalDate.now(clock)).stream()
                .map(Approval::datasetId).distinct().toList();
        return datasets.findByIds(ids).stream().map(DatasetAccess::volume).toList();
    }

    private static DatasetVolume volume(Dataset dataset) {
        return new DatasetVolume(dataset.name(), dataset.source());
    }
}
