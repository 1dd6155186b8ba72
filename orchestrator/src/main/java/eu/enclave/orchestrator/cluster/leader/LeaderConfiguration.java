package eu.enclave.orchestrator.cluster.leader;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.startup.StartupNotice;
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

    /** Prepared at once: a Lease namespace that is missing and may not be created fails the startup. */
    @Bean
    ClusterLeaderService clusterLeadership(ClusterConnection connection, LeaderElectionSettings settings,
                                           ClusterSettings cluster, AuditTrail audit,
                                           ApplicationEventPublisher events) {
        ClusterLeaderService leadership = new ClusterLeaderService(connection.client(),
                settings.inNamespace(cluster.platformNamespace()), audit, events);
        leadership.prepare();
        return leadership;
    }

    /** The startup report says when nothing is being applied to the cluster, and why. */
    @Bean
    StartupNotice clusterNotApplied(ClusterLeaderService leadership) {
        return () -> leadership.cannotLeadBecause().map(reason -> "Kubernetes: nothing is being applied to the"
                + " cluster: " + reason + ". See /actuator/health/cluster (details for platform admins).");
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
