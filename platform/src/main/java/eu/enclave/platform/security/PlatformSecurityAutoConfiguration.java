package eu.enclave.platform.security;

import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.UserDirectory;
import eu.enclave.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Sign-in for both services. The API ({@code /api/**}) is stateless: bearer JWT in production, and HTTP
 * Basic with the demo users in demo mode only. Pages use a session: OIDC login in production, a form with
 * the demo users in demo mode. Both chains refuse tokens without an accepted second factor.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, DemoProperties.class})
public class PlatformSecurityAutoConfiguration {

    public static final String[] PUBLIC_PATHS = {"/login", "/css/**", "/js/**", "/images/**", "/favicon.ico",
        "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
        "/swagger-ui.html"};

    /**
     * Spring Security would otherwise observe every filter of every request (a span and timers each): about
     * a tenth of an API call's CPU (docs/benchmarks.md). Request-level metrics (http.server.requests) remain.
     */
    @Bean
    SecurityObservationSettings noPerFilterSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    MfaPolicy mfaPolicy(SecurityProperties properties) {
        return new MfaPolicy(properties);
    }

    @Bean
    IdentityExtractor identityExtractor(SecurityProperties security, DemoProperties demo) {
        return new IdentityExtractor(security, demo);
    }

    @Bean
    CurrentUsers currentUsers(IdentityExtractor extractor, UserDirectory directory) {
        return new CurrentUsers(extractor, directory);
    }

    @Bean
    SignInAuditor signInAuditor(AuditTrail audit, CurrentUsers users) {
        return new SignInAuditor(audit, users);
    }

    @Bean
    SignInGuard signInGuard(Environment environment, DemoProperties demo, ObjectProvider<JwtDecoder> jwt,
                            ObjectProvider<ClientRegistrationRepository> oidc) {
        return new SignInGuard(environment, demo, jwt.getIfAvailable() != null, oidc.getIfAvailable() != null);
    }

    /**
     * A bearer token must name its subject: people are recorded and told apart by it, and without this check
     * every token lacking {@code sub} signed in as the same person, whose subject was the text "null".
     * Boot adds validator beans to the decoder it configures from the resource-server properties.
     */
    @Bean
    OAuth2TokenValidator<Jwt> subjectRequired() {
        return new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank());
    }

    /**
     * The firewall in front of both chains refuses requests it deems unsafe (encoded slashes or dot segments,
     * unknown HTTP methods) with a bare 400; answer with a problem body like every other refusal.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> Problems.write(request, response, HttpStatus.BAD_REQUEST,
                "The request was refused: its method or URL is not accepted (encoded '/', '\\' or '.', "
                        + "a double '/', or a non-standard method).");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, DemoProperties demo, ObjectProvider<JwtDecoder> jwt,
                                    MfaPolicy mfa) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (demo.enabled()) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Enclave (demo)\"");
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in required: send "
                    + (demo.enabled() ? "HTTP Basic with a demo user, or " : "") + "a bearer token.");
        };
        AccessDeniedHandler denied = (request, response, e) ->
                Problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed.");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterBefore(new MfaEnforcementFilter(mfa), AuthorizationFilter.class);
        if (demo.enabled()) {
            http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
        }
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()).authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, DemoProperties demo, SecurityProperties security,
                                     ObjectProvider<ClientRegistrationRepository> oidc, MfaPolicy mfa)
            throws Exception {
        boolean ownLoginPage = !security.loginPage().isBlank();
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PATHS).permitAll().anyRequest().authenticated())
                .addFilterBefore(new MfaEnforcementFilter(mfa), AuthorizationFilter.class)
                .logout(l -> l.logoutSuccessUrl((ownLoginPage ? security.loginPage() : "/login") + "?logout"));
        if (demo.enabled()) {
            http.formLogin(f -> {
                if (ownLoginPage) {
                    f.loginPage(security.loginPage()).permitAll();
                }
            });
        }
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> {
                if (ownLoginPage) {
                    o.loginPage(security.loginPage()).permitAll();
                }
            });
        }
        return http.build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "enclave.demo.enabled", havingValue = "true")
    static class DemoDirectory {

        /** Cost 4: the demo password is published in the README, and Basic auth hashes it on every call. */
        @Bean
        PasswordEncoder demoPasswordEncoder() {
            return new BCryptPasswordEncoder(4);
        }

        @Bean
        UserDetailsService demoUsers(DemoProperties demo, PasswordEncoder encoder) {
            String hash = encoder.encode(demo.password());
            return new InMemoryUserDetailsManager(demo.users().stream()
                    .map(u -> User.withUsername(u.username()).password(hash).roles("USER").build())
                    .toList());
        }
    }
}
