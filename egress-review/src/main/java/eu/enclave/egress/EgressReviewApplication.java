package eu.enclave.egress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

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
}
