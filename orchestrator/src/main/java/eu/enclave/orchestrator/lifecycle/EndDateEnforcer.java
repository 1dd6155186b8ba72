package eu.enclave.orchestrator.lifecycle;

import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes end dates bite: suspends projects past their end date and records memberships that expired.
 * Runs at startup and then periodically ({@code enclave.lifecycle.check-interval}, one minute by default).
 */
@Component
class EndDateEnforcer {

    private static final Logger log = LoggerFactory.getLogger(EndDateEnforcer.class);

    private final ProjectService projects;
    private final MembershipService memberships;

    EndDateEnforcer(ProjectService projects, MembershipService memberships) {
        this.projects = projects;
        this.memberships = memberships;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        enforce();
    }

    @Scheduled(fixedDelayString = "${enclave.lifecycle.check-interval:PT1M}",
            initialDelayString = "${enclave.lifecycle.check-interval:PT1M}")
    void enforce() {
        try {
            projects.suspendEnded().forEach(p -> log.info("Project '{}' suspended: its end date {} passed",
                    p.slug(), p.endDate()));
            int expired = memberships.recordExpiries();
            if (expired > 0) {
                log.info("{} membership(s) expired", expired);
            }
        } catch (RuntimeException e) {
            log.error("End-date enforcement failed; it will be retried at the next interval", e);
        }
    }
}
