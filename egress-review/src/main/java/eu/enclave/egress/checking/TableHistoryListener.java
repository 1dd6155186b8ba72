package eu.enclave.egress.checking;

import eu.enclave.egress.request.RequestSubmitted;
import eu.enclave.egress.review.RequestDecided;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the earlier-tables index in step with requests: a submission puts its files' tables in review, a decision
 * releases the approved ones and drops the rejected ones. Both events are published after their commit.
 */
public class TableHistoryListener {

    private final JdbcTableHistory history;

    public TableHistoryListener(JdbcTableHistory history) {
        this.history = history;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(RequestSubmitted event) {
        history.submitted(event.requestId(), event.fileIds());
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(RequestDecided event) {
        history.decided(event.requestId(), event.approvedFileIds(), event.rejectedFileIds());
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetUnsubmitted() {
        history.forgetUnsubmitted();
    }
}
