package eu.enclave.orchestrator.support;

import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.DatasetInput;
import eu.enclave.orchestrator.dataset.DatasetService;
import eu.enclave.orchestrator.dataset.SourceInput;
import eu.enclave.orchestrator.dataset.approval.Approval;
import eu.enclave.orchestrator.dataset.approval.ApprovalInput;
import eu.enclave.orchestrator.dataset.approval.ApprovalService;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.platform.identity.UserDirectory;
import java.time.LocalDate;
import java.util.Map;

/** Datasets and approvals made through their services (so also audited), with names no other test uses. */
public class DatasetFixtures {

    private final DatasetService datasets;
    private final ApprovalService approvals;
    private final UserDirectory users;
    private final MutableClock clock;

    DatasetFixtures(DatasetService datasets, ApprovalService approvals, UserDirectory users, MutableClock clock) {
        this.datasets = datasets;
        this.approvals = approvals;
        this.users = users;
        this.clock = clock;
    }

    public static SourceInput nfs(String server, String path) {
        return new SourceInput("nfs", null, null, server, path, null, null, null);
    }

    public static SourceInput existingVolume(String volumeName) {
        return new SourceInput("persistent-volume", volumeName, null, null, null, null, null, null);
    }

    public static SourceInput csi(String driver, String handle, Map<String, String> attributes) {
        return new SourceInput("csi", null, null, null, null, driver, handle, attributes);
    }

    /** A pseudonymised dataset on an NFS export. */
    public Dataset nfsDataset(String prefix) {
        return register(prefix, nfs("nfs.data.internal", "/exports/" + prefix));
    }

    public Dataset register(String prefix, SourceInput source) {
        return datasets.register(users.findByUsername("admin").orElseThrow(), new DatasetInput(Fixtures.newSlug(prefix),
                "Fixture dataset", "Fixture hospital", "pseudonymised", null, source));
    }

    /** Approved by the steward from today for a month. */
    public Approval approve(Project project, Dataset dataset) {
        return approve(project, dataset, LocalDate.now(clock).plusMonths(1));
    }

    /** Approved by the steward from today to {@code lastDay}. */
    public Approval approve(Project project, Dataset dataset, LocalDate lastDay) {
        return approvals.approve(users.findByUsername("steward").orElseThrow(), project.slug(),
                new ApprovalInput(dataset.name(), LocalDate.now(clock), lastDay, "PERMIT-" + dataset.name()));
    }
}
