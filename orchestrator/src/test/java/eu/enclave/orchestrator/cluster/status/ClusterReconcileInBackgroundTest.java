package eu.enclave.orchestrator.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.identity.UserDirectory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * By default a status change does not wait for the cluster: the reconcile it causes runs on a worker thread
 * after the change is committed. A spec source that blocks until released shows the request returning first.
 */
@SpringBootTest(properties = "enclave.cluster.reconcile-changes-in-background=true")
class ClusterReconcileInBackgroundTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final List<String> THREADS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Autowired ProjectService projects;
    @Autowired UserDirectory users;
    @Autowired ClusterStatusRepository statuses;

    @Test
    void activationReturnsBeforeTheClusterIsReconciledWhichThenHappensOnAWorker() {
        var admin = users.findByUsername("admin").orElseThrow();
        LocalDate today = LocalDate.now();
        Project project = projects.create(admin, new ProjectDraft("background-1", "Background", "", "MR-004", "",
                today, today.plusYears(1), null));

        projects.changeStatus(admin, project.slug(), ProjectStatus.ACTIVE, "test");

        assertThat(statuses.find(project.id())).as("not reconciled while the spec source is held").isEmpty();
        RELEASE.countDown();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses.find(project.id()))
                .hasValueSatisfying(status -> assertThat(status.state()).isEqualTo(ClusterState.READY)));
        assertThat(THREADS).contains("cluster-reconcile").doesNotContain(Thread.currentThread().getName());
    }

    @TestConfiguration
    static class HeldSpecSource {

        @Bean
        @Primary
        ClusterSpecSource heldSpecs() {
            return project -> {
                if (!project.slug().equals("background-1")) {
                    return new ProjectClusterSpec(project.id(), project.slug(), ProjectQuota.DEFAULT, List.of());
                }
                THREADS.add(Thread.currentThread().getName());
                try {
                    if (!RELEASE.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return new ProjectClusterSpec(project.id(), project.slug(), ProjectQuota.DEFAULT, List.of());
            };
        }
    }
}
