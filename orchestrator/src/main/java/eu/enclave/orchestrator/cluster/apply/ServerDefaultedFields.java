package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fields of a workspace StatefulSet that the API server fills in when Enclave leaves them unset (its
 * defaulting of StatefulSets, pod specs and containers). Enclave owns the whole spec, but a field it leaves unset
 * takes the live value while that value is the server's default, so that an unchanged object compares equal to
 * its desired form on a real server; any other value there (a hand edit) is not taken, so the update sends the
 * field unset again and the server puts its default back.
 */
final class ServerDefaultedFields {

    private static final int DEFAULT_FILE_MODE = 0644;

    private ServerDefaultedFields() {
    }

    /** Fills {@code want}'s unset server-defaulted fields from {@code have} where it holds the default. */
    static void adopt(StatefulSetSpec want, StatefulSetSpec have) {
        if (have == null) {
            return;
        }
        want.setPodManagementPolicy(adopt(want.getPodManagementPolicy(), have.getPodManagementPolicy(),
                "OrderedReady"::equals));
        want.setRevisionHistoryLimit(adopt(want.getRevisionHistoryLimit(), have.getRevisionHistoryLimit(),
                limit -> limit == 10));
        want.setUpdateStrategy(adopt(want.getUpdateStrategy(), have.getUpdateStrategy(),
                ServerDefaultedFields::defaultStrategy));
        want.setPersistentVolumeClaimRetentionPolicy(adopt(want.getPersistentVolumeClaimRetentionPolicy(),
                have.getPersistentVolumeClaimRetentionPolicy(), ServerDefaultedFields::retained));
        if (want.getTemplate() != null && have.getTemplate() != null) {
            pod(want.getTemplate().getSpec(), have.getTemplate().getSpec());
        }
    }

    private static void pod(PodSpec want, PodSpec have) {
        if (want == null || have == null) {
            return;
        }
        want.setRestartPolicy(adopt(want.getRestartPolicy(), have.getRestartPolicy(), "Always"::equals));
        want.setDnsPolicy(adopt(want.getDnsPolicy(), have.getDnsPolicy(), "ClusterFirst"::equals));
        want.setSchedulerName(adopt(want.getSchedulerName(), have.getSchedulerName(), "default-scheduler"::equals));
        want.setTerminationGracePeriodSeconds(adopt(want.getTerminationGracePeriodSeconds(),
                have.getTerminationGracePeriodSeconds(), seconds -> seconds == 30L));
        want.setSecurityContext(adopt(want.getSecurityContext(), have.getSecurityContext(),
                new PodSecurityContext()::equals));
        // the deprecated alias of serviceAccountName, which the server copies from it
        want.setServiceAccount(adopt(want.getServiceAccount(), have.getServiceAccount(),
                account -> account.equals(want.getServiceAccountName())));
        want.setEnableServiceLinks(adopt(want.getEnableServiceLinks(), have.getEnableServiceLinks(),
                Boolean.TRUE::equals));
        byName(want.getContainers(), have.getContainers(), Container::getName, ServerDefaultedFields::container);
        byName(want.getInitContainers(), have.getInitContainers(), Container::getName,
                ServerDefaultedFields::container);
        byName(want.getVolumes(), have.getVolumes(), Volume::getName, ServerDefaultedFields::volume);
    }

    private static void container(Container want, Container have) {
        want.setTerminationMessagePath(adopt(want.getTerminationMessagePath(), have.getTerminationMessagePath(),
                "/dev/termination-log"::equals));
        want.setTerminationMessagePolicy(adopt(want.getTerminationMessagePolicy(),
                have.getTerminationMessagePolicy(), "File"::equals));
        String pullPolicy = want.getImage() != null && want.getImage().endsWith(":latest") ? "Always" : "IfNotPresent";
        want.setImagePullPolicy(adopt(want.getImagePullPolicy(), have.getImagePullPolicy(), pullPolicy::equals));
        want.setResources(adopt(want.getResources(), have.getResources(), new ResourceRequirements()::equals));
        byName(want.getPorts(), have.getPorts(), ContainerPort::getContainerPort,
                (wantPort, havePort) -> wantPort.setProtocol(adopt(wantPort.getProtocol(), havePort.getProtocol(),
                        "TCP"::equals)));
        if (want.getSecurityContext() != null && have.getSecurityContext() != null) {
            want.getSecurityContext().setProcMount(adopt(want.getSecurityContext().getProcMount(),
                    have.getSecurityContext().getProcMount(), "Default"::equals));
        }
    }

    private static void volume(Volume want, Volume have) {
        if (want.getSecret() != null && have.getSecret() != null) {
            want.getSecret().setDefaultMode(adopt(want.getSecret().getDefaultMode(), have.getSecret().getDefaultMode(),
                    mode -> mode == DEFAULT_FILE_MODE));
        }
        if (want.getConfigMap() != null && have.getConfigMap() != null) {
            want.getConfigMap().setDefaultMode(adopt(want.getConfigMap().getDefaultMode(),
                    have.getConfigMap().getDefaultMode(), mode -> mode == DEFAULT_FILE_MODE));
        }
    }

    private static boolean defaultStrategy(StatefulSetUpdateStrategy strategy) {
        return "RollingUpdate".equals(strategy.getType()) && (strategy.getRollingUpdate() == null
                || (Objects.equals(strategy.getRollingUpdate().getPartition(), 0)
                && strategy.getRollingUpdate().getMaxUnavailable() == null));
    }

    private static boolean retained(StatefulSetPersistentVolumeClaimRetentionPolicy policy) {
        return "Retain".equals(policy.getWhenDeleted()) && "Retain".equals(policy.getWhenScaled());
    }

    private static <T> T adopt(T want, T have, Predicate<T> isServerDefault) {
        return want == null && have != null && isServerDefault.test(have) ? have : want;
    }

    private interface Pair<T> {
        void adopt(T want, T have);
    }

    private static <T, K> void byName(List<T> want, List<T> have, Function<T, K> key, Pair<T> each) {
        if (want == null || have == null) {
            return;
        }
        for (T wanted : want) {
            have.stream().filter(live -> Objects.equals(key.apply(live), key.apply(wanted))).findFirst()
                    .ifPresent(live -> each.adopt(wanted, live));
        }
    }
}
