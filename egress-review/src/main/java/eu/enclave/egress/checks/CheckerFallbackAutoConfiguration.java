package eu.enclave.egress.checks;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * An auto-configuration, so that it is looked at after every OutputChecker the application declares (components and
 * configurations alike): the fallback exists only when there is none.
 */
@AutoConfiguration
public class CheckerFallbackAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OutputChecker.class)
    OutputChecker notCheckedOutputChecker() {
        return new NotCheckedOutputChecker();
    }
}
