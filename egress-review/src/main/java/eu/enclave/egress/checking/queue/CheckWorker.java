package eu.enclave.egress.checking.queue;

import eu.enclave.egress.request.RequestSubmitted;
import eu.enclave.egress.scheduling.PeriodicWork;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This replica's worker of the check queue: one thread that drains the queue every poll interval and at once after
 * a submission. Off with {@code enclave.checks.queue.enabled=false}, as in the tests, which drain it themselves.
 */
@Component
class CheckWorker extends PeriodicWork {

    private final CheckQueue queue;

    CheckWorker(CheckQueue queue, CheckQueueSettings settings) {
        super("check-queue", settings.pollInterval(), Boolean.TRUE.equals(settings.enabled()));
        this.queue = queue;
    }

    @EventListener
    void submitted(RequestSubmitted event) {
        runSoon();
    }

    @Override
    protected void runOnce() {
        queue.runPending();
    }
}
