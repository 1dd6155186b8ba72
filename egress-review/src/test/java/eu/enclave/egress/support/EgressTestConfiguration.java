package eu.enclave.egress.support;

import eu.enclave.platform.testing.MutableClock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class EgressTestConfiguration {

    /** Replaces the service's {@code clock} wherever a {@link java.time.Clock} is injected. */
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ZoneOffset.UTC);
    }

    @Bean
    SubmittedEvents submittedEvents(DataSource dataSource) {
        return new SubmittedEvents(dataSource);
    }

    /** In place of the checks engine (whichever is installed), so that tests script the checks' results. */
    @Bean
    @Primary
    ScriptedOutputChecker scriptedOutputChecker() {
        return new ScriptedOutputChecker();
    }
}
