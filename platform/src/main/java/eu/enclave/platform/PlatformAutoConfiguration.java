package eu.enclave.platform;

import eu.enclave.platform.audit.AuditReader;
import eu.enclave.platform.audit.AuditService;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.audit.web.AuditAccess;
import eu.enclave.platform.audit.web.AuditApiController;
import eu.enclave.platform.identity.DemoUserSeeder;
import eu.enclave.platform.identity.UserDirectory;
import eu.enclave.platform.postgres.PlatformMigrations;
import eu.enclave.platform.security.CurrentUserArguments;
import eu.enclave.platform.security.CurrentUsers;
import eu.enclave.platform.security.DemoProperties;
import eu.enclave.platform.startup.StartupNotice;
import eu.enclave.platform.startup.StartupReport;
import eu.enclave.platform.web.ApiExceptionHandler;
import eu.enclave.platform.web.ApiRoutingExceptionHandler;
import eu.enclave.platform.web.OpenApiDocument;
import eu.enclave.platform.web.StorableTextModule;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What every Enclave service shares: the audit trail, the user directory, problem responses, startup report. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
public class PlatformAutoConfiguration {

    @Bean
    FlywayMigrationStrategy platformMigrations() {
        return new PlatformMigrations();
    }

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new AuditTrail(jdbc, transactions);
    }

    @Bean
    AuditReader auditReader(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new AuditReader(jdbc, transactions);
    }

    @Bean
    AuditService auditService(AuditReader reader, AuditTrail trail, AuditAccess access) {
        return new AuditService(reader, trail, access);
    }

    @Bean
    AuditApiController auditApiController(AuditService audit) {
        return new AuditApiController(audit);
    }

    @Bean
    UserDirectory userDirectory(JdbcTemplate jdbc) {
        return new UserDirectory(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "enclave.demo.enabled", havingValue = "true")
    DemoUserSeeder demoUserSeeder(DemoProperties demo, UserDirectory directory) {
        return new DemoUserSeeder(demo, directory);
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    /** Registered by Boot's Jackson auto-configuration with every other module bean. */
    /** Strict reading of API bodies in every service: an unknown field or a number for an enum is an error. */
    @Bean
    JsonMapperBuilderCustomizer strictApiBodies() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    @Bean
    StorableTextModule storableTextModule() {
        return new StorableTextModule();
    }

    @Bean
    ApiRoutingExceptionHandler apiRoutingExceptionHandler(ApiExceptionHandler api) {
        return new ApiRoutingExceptionHandler(api);
    }

    @Bean
    OpenAPI openApi(@Value("${spring.application.name:enclave}") String service, DemoProperties demo) {
        return OpenApiDocument.describe(service, "v1", demo);
    }

    @Bean
    StartupReport startupReport(DemoProperties demo, ObjectProvider<StartupNotice> notices) {
        return new StartupReport(demo, () -> notices.orderedStream().toList());
    }

    @Bean
    WebMvcConfigurer currentUserArguments(CurrentUsers users) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(CurrentUserArguments.resolver(users));
            }
        };
    }
}
