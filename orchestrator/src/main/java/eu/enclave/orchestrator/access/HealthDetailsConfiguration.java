package eu.enclave.orchestrator.access;

import eu.enclave.platform.security.CurrentUsers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** {@link HealthDetailsFilter} on the health endpoint only, after Spring Security's filters. */
@Configuration(proxyBeanMethods = false)
class HealthDetailsConfiguration {

    @Bean
    FilterRegistrationBean<HealthDetailsFilter> healthDetailsFilter(CurrentUsers users, AccessPolicy policy) {
        FilterRegistrationBean<HealthDetailsFilter> registration =
                new FilterRegistrationBean<>(new HealthDetailsFilter(users, policy));
        registration.addUrlPatterns("/actuator/health", "/actuator/health/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
