package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * What kube-apiserver 1.26 fills in when a StatefulSet or a Service is written without it (its defaulting
 * functions, {@code SetDefaults_StatefulSet}, {@code SetDefaults_PodSpec}, {@code SetDefaults_Container},
 * {@code SetDefaults_Service}, and the ClusterIP allocator), so that the CRUD mock stores what a real server stores.
 */
final class ServerDefaults {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private ServerDefaults() {
    }

    /** The body as the server would store it; other kinds are returned as they are. */
    static String apply(String path, String body) {
        if (body == null || body.isBlank()) {
            return body;
        }
        if (path.matches("^/apis/apps/v1/namespaces/[^/]+/statefulsets(/[^/?]+)?(\\?.*)?$")) {
            StatefulSet set = JSON.unmarshal(body, StatefulSet.class);
            statefulSet(set.getSpec());
            return JSON.asJson(set);
        }
        if (path.matches("^/api/v1/namespaces/[^/]+/services(/[^/?]+)?(\\?.*)?$")) {
            Service service = JSON.unmarshal(body, Service.class);
            service(service.getSpec());
            return JSON.asJson(service);
        }
        return body;
    }

    private static void statefulSet(StatefulSetSpec spec) {
        if (spec.getPodManagementPolicy() == null) {
            spec.setPodManagementPolicy("OrderedReady");
        }
        if (spec.getRevisionHistoryLimit() == null) {
            spec.setRevisionHistoryLimit(10);
        }
        if (spec.getUpdateStrategy() == null) {
            spec.setUpdateStrategy(new StatefulSetUpdateStrategyBuilder().withType("RollingUpdate")
                    .withNewRollingUpdate().withPartition(0).endRollingUpdate().build());
        }
        if (spec.getPersistentVolumeClaimRetentionPolicy() == null) {
            spec.setPersistentVolumeClaimRetentionPolicy(
                    new StatefulSetPersistentVolumeClaimRetentionPolicy("Retain", "Retain"));
        }
        pod(spec.getTemplate().getSpec());
    }

    private static void pod(PodSpec pod) {
        if (pod.getRestartPolicy() == null) {
            pod.setRestartPolicy("Always");
        }
        if (pod.getDnsPolicy() == null) {
            pod.setDnsPolicy("ClusterFirst");
        }
        if (pod.getSchedulerName() == null) {
            pod.setSchedulerName("default-scheduler");
        }
        if (pod.getTerminationGracePeriodSeconds() == null) {
            pod.setTerminationGracePeriodSeconds(30L);
        }
        if (pod.getSecurityContext() == null) {
            pod.setSecurityContext(new PodSecurityContext());
        }
        if (pod.getServiceAccount() == null) {
            pod.setServiceAccount(pod.getServiceAccountName()); // the deprecated alias, copied
        }
        if (pod.getEnableServiceLinks() == null) {
            pod.setEnableServiceLinks(true);
        }
        pod.getContainers().forEach(ServerDefaults::container);
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null && volume.getSecret().getDefaultMode() == null) {
                volume.getSecret().setDefaultMode(0644);
            }
        }
    }

    private static void container(Container container) {
        if (container.getTerminationMessagePath() == null) {
            container.setTerminationMessagePath("/dev/termination-log");
        }
        if (container.getTerminationMessagePolicy() == null) {
            container.setTerminationMessagePolicy("File");
        }
        if (container.getImagePullPolicy() == null) {
            container.setImagePullPolicy(container.getImage().endsWith(":latest") ? "Always" : "IfNotPresent");
        }
        if (container.getResources() == null) {
            container.setResources(new ResourceRequirements());
        }
        for (ContainerPort port : container.getPorts()) {
            if (port.getProtocol() == null) {
                port.setProtocol("TCP");
            }
        }
    }

    private static void service(ServiceSpec spec) {
        if (spec.getType() == null) {
            spec.setType("ClusterIP");
        }
        if (spec.getSessionAffinity() == null) {
            spec.setSessionAffinity("None");
        }
        if (spec.getClusterIP() == null) {
            spec.setClusterIP("10.96.0." + (1 + Math.floorMod(spec.hashCode(), 250)));
            spec.setClusterIPs(List.of(spec.getClusterIP()));
        }
        if (spec.getIpFamilies() == null || spec.getIpFamilies().isEmpty()) {
            spec.setIpFamilies(List.of("IPv4"));
            spec.setIpFamilyPolicy("SingleStack");
        }
        if (spec.getInternalTrafficPolicy() == null) {
            spec.setInternalTrafficPolicy("Cluster");
        }
        for (ServicePort port : spec.getPorts()) {
            if (port.getProtocol() == null) {
                port.setProtocol("TCP");
            }
            if (port.getTargetPort() == null) {
                port.setTargetPort(new IntOrString(port.getPort()));
            }
        }
    }
}
