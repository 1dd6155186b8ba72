package eu.enclave.orchestrator.support;

import eu.enclave.orchestrator.dataset.DatasetService;
import eu.enclave.orchestrator.dataset.approval.ApprovalService;
import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.platform.identity.UserDirectory;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    /** Replaces the application's {@code clock} wherever a {@link java.time.Clock} is injected. */
    @Bean
    @Primary
    MutableClock testClock(@Value("${enclave.time-zone:Europe/Paris}") String zone) {
        return new MutableClock(ZoneId.of(zone));
    }

    @Bean
    Fixtures fixtures(ProjectService projects, MembershipService memberships, UserDirectory users, JdbcTemplate jdbc,
                      MutableClock clock, DatasetService datasets, ApprovalService approvals,
                      ProjectTemplates projectTemplates) {
        return new Fixtures(projects, memberships, users, jdbc, clock, new DatasetFixtures(datasets, approvals, users,
                clock), projectTemplates);
    }
}
