package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.cluster.ClusterFixtures.NAMESPACE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SAMPLE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SETTINGS;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.reconciler;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.withoutMirrors;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.PolicyHistory.Event;
import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher.Action;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Isolation never widens while the reconciler works, not even for a moment: the default deny is written before
 * any allowance, is repaired in place (never deleted and recreated), and is never pruned. Checked on every
 * state a watch sees the policies pass through.
 */
@EnableKubernetesMockClient(crud = true)
class IsolationOrderTest {

    private static final String DENY = "default-deny";

    KubernetesClient client;

    @Test
    void theBundleOrdersTheDenyBeforeEveryAllowance() {
        List<String> policies = ProjectBundle.desired(SAMPLE, SETTINGS).stream()
                .filter(NetworkPolicy.class::isInstance).map(ClusterFixtures::name).toList();

        assertThat(policies).hasSize(5).first().isEqualTo(DENY);
    }

    @Test
    void theDenyExistsBeforeAnyAllowance() {
        PolicyHistory history = new PolicyHistory(client, NAMESPACE).start();

        reconciler(client).reconcile(SAMPLE);

        List<Event> events = history.stop();
        assertThat(events).hasSize(5).extracting(Event::action).containsOnly(Action.ADDED);
        assertThat(events.get(0).name()).isEqualTo(DENY);
        assertWholeDeny(events.get(0));
    }

    @Test
    void theDenyIsRepairedInPlaceBeforeAnyAllowance() {
        reconciler(client).reconcile(SAMPLE);
        editPolicy(DENY, p -> p.editSpec().withPolicyTypes("Ingress").endSpec());
        editPolicy("allow-workspaces-to-intake", p -> p.editSpec().addNewEgress().endEgress().endSpec());
        PolicyHistory history = new PolicyHistory(client, NAMESPACE).start();

        reconciler(client).reconcile(SAMPLE);

        List<Event> events = history.stop();
        assertThat(events).extracting(Event::action).containsOnly(Action.MODIFIED);
        assertThat(events).extracting(Event::name).containsExactly(DENY, "allow-workspaces-to-intake");
        assertWholeDeny(events.get(0));
    }

    @Test
    void noChangeOfTheProjectEverRemovesOrWeakensTheDeny() {
        reconciler(client).reconcile(SAMPLE);
        PolicyHistory history = new PolicyHistory(client, NAMESPACE).start();

        reconciler(client).reconcile(withoutMirrors(SAMPLE));
        reconciler(client).reconcile(SAMPLE);
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("allow-guacd-to-desktops").delete();
        reconciler(client).reconcile(SAMPLE);

        List<Event> events = history.stop();
        assertThat(events).filteredOn(e -> e.action() == Action.DELETED).extracting(Event::name)
                .contains("allow-workspaces-to-mirrors", "allow-guacd-to-desktops").doesNotContain(DENY);
        events.stream().filter(e -> e.name().equals(DENY)).forEach(IsolationOrderTest::assertWholeDeny);
    }

    private static void assertWholeDeny(Event event) {
        assertThat(event.action()).isNotEqualTo(Action.DELETED);
        assertThat(event.policy().getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(event.policy().getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(event.policy().getSpec().getIngress()).isNullOrEmpty();
        assertThat(event.policy().getSpec().getEgress()).isNullOrEmpty();
    }

    private void editPolicy(String name, UnaryOperator<NetworkPolicyBuilder> edit) {
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName(name)
                .edit(p -> edit.apply(new NetworkPolicyBuilder(p)).build());
    }
}
