package eu.enclave.orchestrator;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The control plane: projects, memberships, the portal and, later, the cluster and the desktop tunnel. */
@SpringBootApplication
@EnableScheduling
public class OrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrchestratorApplication.class, args);
    }

    /** Dates (project and membership ends) are judged in the platform's legal time zone, not the server's. */
    @Bean
    Clock clock(@Value("${enclave.time-zone:Europe/Paris}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
