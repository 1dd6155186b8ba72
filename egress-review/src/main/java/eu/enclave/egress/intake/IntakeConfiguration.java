package eu.enclave.egress.intake;

import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.egress.orchestrator.Orchestrator;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The intake's listener, its port rule, and its own sign-in: the egress token as a bearer token, never a person's
 * sign-in (no Basic, no session, no JWT of the identity provider), on {@code /api/v1/intake/**} only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeSettings.class)
class IntakeConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IntakeCaller.class);
    }

    @Bean
    IntakeConnector intakeConnector(IntakeSettings settings) {
        return new IntakeConnector(settings);
    }

    /** Before every other filter, sign-in included. */
    @Bean
    FilterRegistrationBean<IntakePortFilter> intakePortFilter(IntakeConnector connector) {
        FilterRegistrationBean<IntakePortFilter> registration = new FilterRegistrationBean<>(
                new IntakePortFilter(connector));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    IntakeAudit intakeAudit(AuditTrail trail, PlatformTransactionManager transactions) {
        return new IntakeAudit(trail, transactions);
    }

    @Bean
    TextScreen textScreen(OutputChecker checker) {
        return new TextScreen(checker);
    }

    @Bean
    TokenRefusals tokenRefusals(MeterRegistry meters, Clock clock) {
        return new TokenRefusals(meters, clock);
    }

    @Bean
    @Order(0)
    SecurityFilterChain intakeSecurity(HttpSecurity http, Orchestrator orchestrator, TokenRefusals refusals,
                                       IntakeAudit audit) throws Exception {
        http.securityMatcher(IntakePortFilter.PREFIX + "**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .logout(l -> l.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> EgressTokenFilter.unauthorized(request,
                                response, "An egress token is required: send the workspace's token (the file "
                                        + "/run/secrets/egress/token) as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Not allowed.")))
                .addFilterBefore(new EgressTokenFilter(orchestrator, refusals, audit), AuthorizationFilter.class);
        return http.build();
    }

    /** Controllers take the {@link IntakeCaller} as a parameter. */
    @Bean
    WebMvcConfigurer intakeCallerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == IntakeCaller.class;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
                        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                        if (auth instanceof EgressTokenAuthentication egress) {
                            return egress.getPrincipal();
                        }
                        throw new IllegalStateException("an intake operation was reached without an egress token");
                    }
                });
            }
        };
    }
}
