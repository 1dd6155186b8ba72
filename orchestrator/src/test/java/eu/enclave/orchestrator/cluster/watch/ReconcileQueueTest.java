package eu.enclave.orchestrator.cluster.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcileQueueTest {

    static final Duration DEBOUNCE = Duration.ofSeconds(1);

    final List<String> runs = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    ReconcileQueue queue;

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void aBurstOfRequestsForOneProjectMakesOneRunAfterTheDelayOnTheWorker() throws InterruptedException {
        queue = new ReconcileQueue("test-worker", slug -> {
            runs.add(slug);
            threads.add(Thread.currentThread().getName());
        });

        for (int i = 0; i < 20; i++) {
            queue.request("alpha", DEBOUNCE);
        }
        queue.request("beta", DEBOUNCE);
        assertThat(runs).as("not before the delay").isEmpty();

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 2);
        TimeUnit.MILLISECONDS.sleep(DEBOUNCE.toMillis());
        assertThat(runs).containsExactlyInAnyOrder("alpha", "beta");
        assertThat(threads).containsOnly("test-worker");
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void aRequestDuringARunOfTheSameProjectQueuesAnotherRun() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        queue = new ReconcileQueue("test-worker", slug -> {
            runs.add(slug);
            if (runs.size() == 1) {
                running.countDown();
                awaitQuietly(release);
            }
        });

        queue.request("alpha", Duration.ZERO);
        assertThat(running.await(2, TimeUnit.SECONDS)).isTrue();
        queue.request("alpha", Duration.ZERO); // the run in progress may have read the state before this change
        release.countDown();

        await().atMost(Duration.ofSeconds(2)).until(() -> runs.size() == 2);
    }

    @Test
    void aFailingProjectDoesNotStopTheOthers() {
        queue = new ReconcileQueue("test-worker", slug -> {
            runs.add(slug);
            if (slug.equals("broken")) {
                throw new IllegalStateException("cluster said no");
            }
        });

        queue.request("broken", Duration.ZERO);
        queue.request("fine", Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(2)).until(() -> runs.size() == 2);
        queue.request("broken", Duration.ZERO);

        await().atMost(Duration.ofSeconds(2)).until(() -> runs.size() == 3);
        assertThat(runs).containsExactly("broken", "fine", "broken");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
