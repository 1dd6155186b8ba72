package eu.enclave.orchestrator.cluster.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class OwnedObjectWatchTest {

    static final UUID PROJECT = UUID.fromString("0d4b2c55-1f3e-4a0b-8c6d-7e9f1a2b3c4d");
    static final String NAMESPACE = "enclave-watched";
    static final String POLICIES_EVERYWHERE = "/apis/networking.k8s.io/v1/networkpolicies";

    KubernetesMockServer server;
    KubernetesClient client;

    final List<UUID> reported = new CopyOnWriteArrayList<>();
    OwnedObjectWatch watch;

    @AfterEach
    void stop() {
        watch.close();
    }

    @Test
    void editsDeletionsAndAdditionsOfOwnedObjectsAreReportedWithTheirProjectAndOthersAreNot() throws Exception {
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).resource(policy("existing", true)).create();
        TimeUnit.MILLISECONDS.sleep(1_100); // creation times have whole seconds: one in the watch's first second counts as new
        watch = new OwnedObjectWatch(client, reported::add, Duration.ofMillis(200), Clock.systemUTC());
        watch.start();
        await().atMost(Duration.ofSeconds(10)).until(watch::isWatching);
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(reported).as("objects that were there before are only listed").isEmpty();

        client.network().v1().networkPolicies().inNamespace(NAMESPACE).resource(policy("not-ours", false)).create();
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("not-ours").delete();
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("existing").edit(p -> {
            p.getSpec().setPolicyTypes(List.of("Ingress"));
            return p;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> reported.size() == 1);

        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("existing").delete();
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).resource(policy("smuggled-in", true)).create();
        await().atMost(Duration.ofSeconds(5)).until(() -> reported.size() == 3);
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(reported).containsOnly(PROJECT).hasSize(3);
    }

    @Test
    void anInformerThatCannotWatchIsStartedAgainLater() throws Exception {
        server.expect().get().withPath(POLICIES_EVERYWHERE + "?labelSelector="
                        + "app.kubernetes.io%2Fmanaged-by%3Denclave&resourceVersion=0")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("forbidden for this test").build())
                .times(2);
        watch = new OwnedObjectWatch(client, reported::add, Duration.ofMillis(300), Clock.systemUTC());
        watch.start();
        TimeUnit.MILLISECONDS.sleep(200);
        assertThat(watch.isWatching()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(watch::isWatching);
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).resource(policy("late", true)).create();
        await().atMost(Duration.ofSeconds(5)).until(() -> reported.contains(PROJECT));
    }

    private static NetworkPolicy policy(String name, boolean owned) {
        Map<String, String> labels = owned ? ClusterNames.ownedBy(PROJECT, "watched") : Map.of("team", "ops");
        return new NetworkPolicyBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(labels)
                .endMetadata().withNewSpec().withNewPodSelector().endPodSelector().endSpec().build();
    }
}
