package eu.enclave.egress;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The only way out of a workspace: takes output submissions, runs disclosure checks, records reviewers'
 * decisions and releases approved files. Separate from the orchestrator so that nobody who runs
 * workspaces can release output.
 */
@SpringBootApplication
public class EgressReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(EgressReviewApplication.class, args);
    }

    /** The one clock of the service; tests replace it with a clock they move. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
