package eu.enclave.orchestrator.cluster;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every state a namespace's network policies pass through, as a watch sees them, between {@link #start} and
 * {@link #stop}. Each bound is marked by writing a marker policy: events of one kind arrive in order, so once
 * the end marker is seen, everything written before it has been seen too.
 */
final class PolicyHistory implements Watcher<NetworkPolicy> {

    record Event(Watcher.Action action, String name, NetworkPolicy policy) {
    }

    private static final String START = "marker-start";
    private static final String END = "marker-end";

    private final KubernetesClient client;
    private final String namespace;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private Watch watch;

    PolicyHistory(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    PolicyHistory start() {
        watch = client.network().v1().networkPolicies().inNamespace(namespace).watch(this);
        mark(START);
        return this;
    }

    /** The events between the two markers. */
    List<Event> stop() {
        mark(END);
        watch.close();
        List<String> names = events.stream().map(Event::name).toList();
        return events.subList(names.indexOf(START) + 1, names.indexOf(END));
    }

    private void mark(String name) {
        client.resource(new NetworkPolicyBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .endMetadata().withNewSpec().withNewPodSelector().addToMatchLabels("marker", name).endPodSelector()
                .endSpec().build()).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e.name().equals(name)));
    }

    @Override
    public void eventReceived(Action action, NetworkPolicy policy) {
        events.add(new Event(action, policy.getMetadata().getName(), policy));
    }

    @Override
    public void onClose(WatcherException cause) {
    }
}
