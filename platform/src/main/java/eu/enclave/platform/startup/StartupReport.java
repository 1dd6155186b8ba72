package eu.enclave.platform.startup;

import eu.enclave.platform.security.DemoProperties;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/** Tells the person who started the service where to go and, in demo mode, how to sign in. */
public class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DemoProperties demo;
    private final Supplier<List<StartupNotice>> notices;

    public StartupReport(DemoProperties demo) {
        this(demo, List::of);
    }

    /** @param notices read when the service is ready, so that they say how things stand then */
    public StartupReport(DemoProperties demo, Supplier<List<StartupNotice>> notices) {
        this.demo = demo;
        this.notices = notices;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String name = env.getProperty("spring.application.name", "enclave");
        String base = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder report = new StringBuilder("\n\n  Enclave ").append(name).append(" is ready\n")
                .append("    portal / API   ").append(base).append("/\n")
                .append("    API reference  ").append(base).append("/swagger-ui.html  (OpenAPI: ")
                .append(base).append("/v3/api-docs)\n")
                .append("    health         ").append(base).append("/actuator/health\n");
        if (demo.enabled()) {
            report.append("\n  DEMO MODE: shared password, not for real data. Sign in as one of ")
                    .append(demo.users().stream().map(DemoProperties.User::username).collect(Collectors.joining(", ")))
                    .append(" with password '").append(demo.password()).append("'.\n")
                    .append("    e.g. curl -u admin:").append(demo.password()).append(' ').append(base)
                    .append("/api/v1/projects\n");
        }
        List<String> attention = notices.get().stream().map(StartupNotice::notice).flatMap(Optional::stream).toList();
        attention.forEach(notice -> report.append("\n  ATTENTION: ").append(notice).append('\n'));
        if (attention.isEmpty()) {
            log.info("{}", report);
        } else {
            log.warn("{}", report);
        }
    }
}
