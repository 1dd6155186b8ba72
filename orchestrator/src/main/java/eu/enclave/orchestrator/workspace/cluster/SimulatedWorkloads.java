package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIMULATED CLUSTER ONLY. Fabric8's mock API server runs no controllers, so nothing would ever make a pod for a
 * workspace StatefulSet. This stands in for the StatefulSet controller and the kubelet: it creates pod
 * {@code ws-<name>-0} as Running and Ready when the StatefulSet wants one replica, and deletes it at zero, so
 * that the demo portal works end to end. It must never run against a real cluster.
 */
public final class SimulatedWorkloads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedWorkloads.class);

    private final KubernetesClient client;
    private SharedIndexInformer<StatefulSet> sets;

    public SimulatedWorkloads(KubernetesClient client) {
        this.client = client;
    }

    public synchronized void start() {
        if (sets != null) {
            return;
        }
        log.warn("Simulated cluster: workspace pods are simulated (created Running and Ready, no container runs)");
        sets = client.apps().statefulSets().inAnyNamespace().withLabels(ClusterNames.workspacePods())
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(StatefulSet set) {
                        follow(set);
                    }

                    @Override
                    public void onUpdate(StatefulSet before, StatefulSet after) {
                        follow(after);
                    }

                    @Override
                    public void onDelete(StatefulSet set, boolean finalStateUnknown) {
                        deletePod(set);
                    }
                }, 0);
    }

    void follow(StatefulSet set) {
        try {
            Integer replicas = set.getSpec().getReplicas();
            if (replicas != null && replicas == 0) {
                deletePod(set);
            } else if (client.pods().inNamespace(set.getMetadata().getNamespace()).withName(podName(set)).get() == null) {
                createRunningPod(set);
            }
        } catch (RuntimeException e) {
            log.warn("Simulated workloads: could not follow {}: {}", set.getMetadata().getName(), e.toString());
        }
    }

    private void createRunningPod(StatefulSet set) {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(podName(set)).withNamespace(set.getMetadata().getNamespace())
                .withLabels(set.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(set.getSpec().getTemplate().getSpec())
                .build();
        Pod created = client.resource(pod).create();
        String now = Instant.now().toString();
        created.setStatus(new PodStatusBuilder().withPhase("Running")
                .withConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("True")
                                .withLastTransitionTime(now).build(),
                        new PodConditionBuilder().withType("Ready").withStatus("True").withLastTransitionTime(now)
                                .build())
                .build());
        client.resource(created).updateStatus();
    }

    private void deletePod(StatefulSet set) {
        client.pods().inNamespace(set.getMetadata().getNamespace()).withName(podName(set)).delete();
    }

    private static String podName(StatefulSet set) {
        return set.getMetadata().getName() + "-0";
    }

    @Override
    public synchronized void close() {
        if (sets != null) {
            sets.close();
        }
    }
}
