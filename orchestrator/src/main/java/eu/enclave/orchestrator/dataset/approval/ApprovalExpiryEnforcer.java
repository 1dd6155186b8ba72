package eu.enclave.orchestrator.dataset.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes approval end dates bite: each approval whose end date has passed is put on the audit trail once, by
 * {@code system}, and its project reconciled at once, which removes the dataset's claim. (The claim would go at the
 * next periodic reconcile anyway: only current approvals are mounted.) Runs at startup and then every
 * {@code enclave.lifecycle.check-interval}, like the project end-date job.
 */
@Component
class ApprovalExpiryEnforcer {

    private static final Logger log = LoggerFactory.getLogger(ApprovalExpiryEnforcer.class);

    private final ApprovalService approvals;

    ApprovalExpiryEnforcer(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        enforce();
    }

    @Scheduled(fixedDelayString = "${enclave.lifecycle.check-interval:PT1M}",
            initialDelayString = "${enclave.lifecycle.check-interval:PT1M}")
    void enforce() {
        try {
            int expired = approvals.recordExpiries();
            if (expired > 0) {
                log.info("{} dataset approval(s) ended", expired);
            }
        } catch (RuntimeException e) {
            log.error("Recording ended dataset approvals failed; it will be retried at the next interval", e);
        }
    }
}
