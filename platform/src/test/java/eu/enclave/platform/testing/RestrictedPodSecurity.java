package eu.enclave.platform.testing;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Kubernetes Pod Security Standards' {@code restricted} profile (which includes {@code baseline}), checked
 * field by field as the API server's admission does, plus, on demand, Enclave's own rules ({@link Extra}). Returns
 * every violation, named by field. Used for the workspace pods the orchestrator makes and for every pod of the Helm
 * chart.
 */
public final class RestrictedPodSecurity {

    /** Rules beyond the profile. */
    public enum Extra {
        /** no service-account token in the pod (workspaces, guacd, egress-review) */
        NO_SERVICE_ACCOUNT_TOKEN,
        /** every container's root filesystem read-only */
        READ_ONLY_ROOT
    }

    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> SECCOMP_ALLOWED = Set.of("RuntimeDefault", "Localhost");

    private RestrictedPodSecurity() {
    }

    /** The profile's violations only. */
    public static List<String> violations(PodSpec pod) {
        return violations(pod, Set.of());
    }

    public static List<String> violations(PodSpec pod, Set<Extra> extras) {
        List<String> found = new ArrayList<>();
        PodSecurityContext podContext = pod.getSecurityContext() == null ? new PodSecurityContext()
                : pod.getSecurityContext();
        // baseline: host namespaces
        check(found, !Boolean.TRUE.equals(pod.getHostNetwork()), "spec.hostNetwork must not be true");
        check(found, !Boolean.TRUE.equals(pod.getHostPID()), "spec.hostPID must not be true");
        check(found, !Boolean.TRUE.equals(pod.getHostIPC()), "spec.hostIPC must not be true");
        check(found, podContext.getWindowsOptions() == null
                || !Boolean.TRUE.equals(podContext.getWindowsOptions().getHostProcess()),
                "spec.securityContext.windowsOptions.hostProcess must not be true");
        if (podContext.getSysctls() != null) {
            podContext.getSysctls().forEach(s -> check(found, SAFE_SYSCTLS.contains(s.getName()),
                    "spec.securityContext.sysctls: " + s.getName() + " is not a safe sysctl"));
        }
        seLinux(found, "spec.securityContext", podContext.getSeLinuxOptions());
        check(found, podContext.getRunAsUser() == null || podContext.getRunAsUser() != 0,
                "spec.securityContext.runAsUser must not be 0");
        check(found, podContext.getSeccompProfile() == null || isAllowedSeccomp(podContext.getSeccompProfile()),
                "spec.securityContext.seccompProfile.type must be RuntimeDefault or Localhost");
        // restricted: volume types (hostPath is baseline already)
        for (Volume volume : orEmpty(pod.getVolumes())) {
            String type = volumeType(volume);
            check(found, RESTRICTED_VOLUME_TYPES.contains(type),
                    "spec.volumes[" + volume.getName() + "]: type " + type + " is not allowed");
        }
        if (extras.contains(Extra.NO_SERVICE_ACCOUNT_TOKEN)) {
            check(found, Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()),
                    "spec.automountServiceAccountToken must be false");
        }
        List<Container> containers = Stream.of(orEmpty(pod.getInitContainers()), orEmpty(pod.getContainers()))
                .flatMap(List::stream).toList();
        check(found, !containers.isEmpty(), "spec.containers must not be empty");
        for (Container container : containers) {
            container(found, container, podContext, extras);
        }
        return found;
    }

    private static void container(List<String> found, Container container, PodSecurityContext pod,
                                  Set<Extra> extras) {
        String at = "containers[" + container.getName() + "].securityContext";
        SecurityContext context = container.getSecurityContext() == null ? new SecurityContext()
                : container.getSecurityContext();
        check(found, !Boolean.TRUE.equals(context.getPrivileged()), at + ".privileged must not be true");
        check(found, context.getWindowsOptions() == null
                || !Boolean.TRUE.equals(context.getWindowsOptions().getHostProcess()),
                at + ".windowsOptions.hostProcess must not be true");
        check(found, context.getProcMount() == null || "Default".equals(context.getProcMount()),
                at + ".procMount must be Default");
        check(found, context.getAppArmorProfile() == null
                || !"Unconfined".equals(context.getAppArmorProfile().getType()),
                at + ".appArmorProfile.type must not be Unconfined");
        seLinux(found, at, context.getSeLinuxOptions());
        for (ContainerPort port : orEmpty(container.getPorts())) {
            check(found, port.getHostPort() == null || port.getHostPort() == 0,
                    "containers[" + container.getName() + "].ports.hostPort must not be set");
        }
        check(found, Boolean.FALSE.equals(context.getAllowPrivilegeEscalation()),
                at + ".allowPrivilegeEscalation must be false");
        boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                || (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(pod.getRunAsNonRoot()));
        check(found, nonRoot, at + ".runAsNonRoot must be true (here or in the pod's securityContext)");
        check(found, context.getRunAsUser() == null || context.getRunAsUser() != 0, at + ".runAsUser must not be 0");
        SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile()
                : pod.getSeccompProfile();
        check(found, seccomp != null && isAllowedSeccomp(seccomp),
                at + ".seccompProfile.type must be RuntimeDefault or Localhost (here or in the pod's)");
        Capabilities capabilities = context.getCapabilities();
        List<String> dropped = capabilities == null ? List.of() : orEmpty(capabilities.getDrop());
        List<String> added = capabilities == null ? List.of() : orEmpty(capabilities.getAdd());
        check(found, dropped.contains("ALL"), at + ".capabilities.drop must include ALL");
        added.forEach(cap -> check(found, "NET_BIND_SERVICE".equals(cap),
                at + ".capabilities.add: " + cap + " is not allowed"));
        if (extras.contains(Extra.READ_ONLY_ROOT)) {
            check(found, Boolean.TRUE.equals(context.getReadOnlyRootFilesystem()),
                    at + ".readOnlyRootFilesystem must be true");
        }
    }

    private static void seLinux(List<String> found, String at, SELinuxOptions options) {
        if (options == null) {
            return;
        }
        check(found, options.getType() == null || Set.of("", "container_t", "container_init_t", "container_kvm_t",
                "container_engine_t").contains(options.getType()), at + ".seLinuxOptions.type is not allowed");
        check(found, options.getUser() == null || options.getUser().isEmpty(), at + ".seLinuxOptions.user must be unset");
        check(found, options.getRole() == null || options.getRole().isEmpty(), at + ".seLinuxOptions.role must be unset");
    }

    private static boolean isAllowedSeccomp(SeccompProfile profile) {
        return SECCOMP_ALLOWED.contains(profile.getType());
    }

    /** The one volume source that is set, by its API field name. */
    private static String volumeType(Volume volume) {
        Map<String, Function<Volume, Object>> sources = Map.ofEntries(
                Map.entry("hostPath", Volume::getHostPath), Map.entry("configMap", Volume::getConfigMap),
                Map.entry("csi", Volume::getCsi), Map.entry("downwardAPI", Volume::getDownwardAPI),
                Map.entry("emptyDir", Volume::getEmptyDir), Map.entry("ephemeral", Volume::getEphemeral),
                Map.entry("persistentVolumeClaim", Volume::getPersistentVolumeClaim),
                Map.entry("projected", Volume::getProjected), Map.entry("secret", Volume::getSecret),
                Map.entry("nfs", Volume::getNfs), Map.entry("iscsi", Volume::getIscsi),
                Map.entry("gitRepo", Volume::getGitRepo), Map.entry("rbd", Volume::getRbd),
                Map.entry("image", Volume::getImage));
        return sources.entrySet().stream().filter(e -> e.getValue().apply(volume) != null).map(Map.Entry::getKey)
                .findFirst().orElse("unknown");
    }

    private static void check(List<String> found, boolean ok, String violation) {
        if (!ok) {
            found.add(violation);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
