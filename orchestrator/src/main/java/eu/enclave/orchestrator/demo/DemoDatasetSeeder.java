package eu.enclave.orchestrator.demo;

import eu.enclave.orchestrator.dataset.DatasetInput;
import eu.enclave.orchestrator.dataset.DatasetRepository;
import eu.enclave.orchestrator.dataset.DatasetService;
import eu.enclave.orchestrator.dataset.SourceInput;
import eu.enclave.orchestrator.dataset.approval.ApprovalInput;
import eu.enclave.orchestrator.dataset.approval.ApprovalService;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.DemoUserSeeder;
import eu.enclave.platform.identity.UserDirectory;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a sample dataset on an NFS export, registered by the demo admin and approved for the demo
 * project by the demo steward for a year, through the same services (and audit trail) as real decisions. Nothing
 * serves that export: on the simulated cluster only the claim and its volume appear.
 */
@Component
@ConditionalOnProperty(name = "enclave.demo.enabled", havingValue = "true")
class DemoDatasetSeeder implements ApplicationRunner, Ordered {

    static final String DATASET = "demo-cohort";

    private final DatasetRepository datasetRepository;
    private final DatasetService datasets;
    private final ApprovalService approvals;
    private final UserDirectory users;
    private final Clock clock;

    DemoDatasetSeeder(DatasetRepository datasetRepository, DatasetService datasets, ApprovalService approvals,
                      UserDirectory users, Clock clock) {
        this.datasetRepository = datasetRepository;
        this.datasets = datasets;
        this.approvals = approvals;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (datasetRepository.nameExists(DATASET)) {
            return;
        }
        CurrentUser admin = user("admin");
        CurrentUser steward = user("steward");
        datasets.register(admin, new DatasetInput(DATASET, "Synthetic diabetes cohort, 10,000 patients (demo).",
                "Demo hospital data warehouse", "pseudonymised", null,
                new SourceInput("nfs", null, null, "nfs.demo.example", "/exports/demo-cohort", null, null, null)));
        LocalDate today = LocalDate.now(clock);
        approvals.approve(steward, DemoProjectSeeder.SLUG, new ApprovalInput(DATASET, today, today.plusYears(1),
                "DEMO-PERMIT-001"));
    }

    private CurrentUser user(String username) {
        return users.findByUsername(username).orElseThrow(() -> new IllegalStateException(
                "the demo directory must contain '" + username + "' to seed the demo dataset"));
    }

    @Override
    public int getOrder() {
        return DemoUserSeeder.ORDER + 2; // after DemoProjectSeeder, whose project it approves the dataset for
    }
}
