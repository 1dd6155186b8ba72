package eu.enclave.orchestrator.cluster.leader;

import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.platform.audit.AuditTrail;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/** The replica's part in leader election, started once the application is ready. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaderElectionSettings.class)
class LeaderConfiguration {

    @Bean
    ClusterLeaderService clusterLeadership(ClusterConnection connection, LeaderElectionSettings settings,
                                           AuditTrail audit, ApplicationEventPublisher events) {
        return new ClusterLeaderService(connection.client(), settings, connection.simulated(), audit, events);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startElection(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(ClusterLeaderService.class).start();
    }

    /** Steps down first thing at shutdown, while the database and the cluster are still there to record it. */
    @EventListener(ContextClosedEvent.class)
    void stepDown(ContextClosedEvent closed) {
        closed.getApplicationContext().getBean(ClusterLeaderService.class).stop();
    }
}
