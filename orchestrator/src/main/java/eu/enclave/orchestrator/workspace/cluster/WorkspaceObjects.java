package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.bundle.ProjectVolumes;
import eu.enclave.orchestrator.cluster.bundle.WorkspaceServiceAccount;
import eu.enclave.orchestrator.workspace.DatasetMount;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workspace on the cluster, as pure functions: spec in, objects out, in the order they are applied (the home
 * volume and the desktop Secret before the StatefulSet whose pod mounts them). The pod meets Pod Security
 * {@code restricted}, mounts no service account token, no host path, and only: the owner's home, the project
 * share and outbox, the approved datasets read-only, the desktop Secret, the database Secret when the project is
 * linked to a database role, and an emptyDir for {@code /tmp}.
 */
public final class WorkspaceObjects {

    public static final String GPU = "nvidia.com/gpu";
    public static final String HOME_COMPONENT = "workspace-home";
    public static final String OWNER = "enclave.eu/owner";
    public static final String HOME_PATH = "/home/researcher";
    public static final String SHARE_PATH = "/share";
    public static final String OUTBOX_PATH = "/outbox";
    public static final String SECRET_PATH = "/run/secrets/desktop";
    public static final String DATABASE_SECRET_PATH = "/run/secrets/database";
    public static final String USERNAME_KEY = "username";
    public static final String TMP_SIZE = "1Gi";
    private static final int SECRET_MODE = 0400;

    private WorkspaceObjects() {
    }

    /** Everything, in apply order; the desktop Secret only when the spec carries a new password. */
    public static List<HasMetadata> desired(WorkspaceSpec spec) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(home(spec));
        if (spec.desktopPassword() != null) {
            objects.add(desktopSecret(spec));
        }
        if (spec.database() && spec.databaseLogin() != null) {
            objects.add(databaseSecret(spec));
        }
        objects.add(service(spec));
        objects.add(statefulSet(spec));
        return objects;
    }

    /** Never pruned: deleting a workspace keeps its owner's files. */
    public static PersistentVolumeClaim home(WorkspaceSpec spec) {
        Map<String, String> labels = new TreeMap<>(ClusterNames.ownedBy(spec.projectId(), spec.slug()));
        labels.put(ClusterNames.COMPONENT, HOME_COMPONENT);
        labels.put(OWNER, ClusterNames.safeLabelValue(spec.owner()));
        return new PersistentVolumeClaimBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(WorkspaceNames.home(spec.owner()))
                        .withNamespace(spec.namespace()).withLabels(labels).build())
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(spec.homeStorageClass())
                .withNewResources().withRequests(Map.of("storage", new Quantity(spec.homeSize()))).endResources()
                .endSpec().build();
    }

    public static Secret desktopSecret(WorkspaceSpec spec) {
        String encoded = Base64.getEncoder().encodeToString(spec.desktopPassword().getBytes(StandardCharsets.UTF_8));
        return new SecretBuilder().withMetadata(meta(WorkspaceNames.desktopSecret(spec.name()), spec))
                .withType("Opaque").withData(Map.of(WorkspaceNames.PASSWORD_KEY, encoded)).build();
    }

    public static Secret databaseSecret(WorkspaceSpec spec) {
        Map<String, String> data = new TreeMap<>();
        data.put(USERNAME_KEY, base64(spec.databaseLogin().username()));
        data.put(WorkspaceNames.PASSWORD_KEY, base64(spec.databaseLogin().password()));
        return new SecretBuilder().withMetadata(meta(WorkspaceNames.databaseSecret(spec.name()), spec))
                .withType("Opaque").withData(data).build();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    public static Service service(WorkspaceSpec spec) {
        return new ServiceBuilder().withMetadata(meta(WorkspaceNames.workload(spec.name()), spec))
                .withNewSpec().withType("ClusterIP").withSelector(WorkspaceNames.selector(spec.name()))
                .addNewPort().withName(WorkspaceNames.DESKTOP_PORT).withProtocol("TCP").withPort(spec.image().port())
                .withTargetPort(new IntOrString(WorkspaceNames.DESKTOP_PORT)).endPort()
                .endSpec().build();
    }

    public static StatefulSet statefulSet(WorkspaceSpec spec) {
        String name = WorkspaceNames.workload(spec.name());
        return new StatefulSetBuilder().withMetadata(meta(name, spec))
                .withNewSpec().withReplicas(spec.running() ? 1 : 0).withServiceName(name)
                .withNewSelector().withMatchLabels(WorkspaceNames.selector(spec.name())).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(WorkspaceNames.labels(spec.projectId(), spec.slug(), spec.name()))
                .endMetadata()
                .withSpec(podSpec(spec))
                .endTemplate()
                .endSpec().build();
    }

    public static PodSpec podSpec(WorkspaceSpec spec) {
        long uid = spec.image().runAsUser();
        PodSpecBuilder pod = new PodSpecBuilder()
                .withServiceAccountName(WorkspaceServiceAccount.NAME)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withHostNetwork(false).withHostPID(false).withHostIPC(false)
                .withSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(uid)
                        .withRunAsGroup(uid).withFsGroup(uid).withNewSeccompProfile().withType("RuntimeDefault")
                        .endSeccompProfile().build())
                .withContainers(container(spec))
                .withVolumes(volumes(spec));
        if (spec.size().gpus() > 0) {
            pod.withTolerations(new TolerationBuilder().withKey(GPU).withOperator("Exists")
                    .withEffect("NoSchedule").build());
        }
        return pod.build();
    }

    private static Container container(WorkspaceSpec spec) {
        long uid = spec.image().runAsUser();
        Map<String, Quantity> resources = new TreeMap<>(Map.of("cpu", new Quantity(spec.size().cpu()),
                "memory", new Quantity(spec.size().memory())));
        Map<String, Quantity> limits = new TreeMap<>(resources);
        if (spec.size().gpus() > 0) {
            limits.put(GPU, new Quantity(Integer.toString(spec.size().gpus())));
        }
        return new ContainerBuilder().withName("desktop").withImage(spec.image().image())
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName(WorkspaceNames.DESKTOP_PORT).withContainerPort(spec.image().port())
                .withProtocol("TCP").endPort()
                .withEnv(new EnvVar("HOME", HOME_PATH, null),
                        new EnvVar("DESKTOP_PROTOCOL", spec.image().protocol(), null),
                        new EnvVar("DESKTOP_PASSWORD_FILE", SECRET_PATH + "/" + WorkspaceNames.PASSWORD_KEY, null))
                .withNewResources().withRequests(resources).withLimits(limits).endResources()
                .withSecurityContext(new SecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(uid)
                        .withRunAsGroup(uid).withPrivileged(false).withAllowPrivilegeEscalation(false)
                        .withReadOnlyRootFilesystem(true).withNewCapabilities().withDrop("ALL").endCapabilities()
                        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build())
                .withVolumeMounts(mounts(spec))
                .build();
    }

    private static List<VolumeMount> mounts(WorkspaceSpec spec) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                mount("home", HOME_PATH, false),
                mount("share", SHARE_PATH, false),
                mount("outbox", OUTBOX_PATH, false),
                mount("desktop-secret", SECRET_PATH, true),
                mount("tmp", "/tmp", false)));
        if (spec.database()) {
            mounts.add(mount("database-secret", DATABASE_SECRET_PATH, true));
        }
        for (DatasetMount dataset : spec.datasets()) {
            mounts.add(mount(datasetVolume(dataset), dataset.mountPath(), true));
        }
        return mounts;
    }

    private static List<Volume> volumes(WorkspaceSpec spec) {
        List<Volume> volumes = new ArrayList<>(List.of(
                claim("home", WorkspaceNames.home(spec.owner()), false),
                claim("share", ProjectVolumes.SHARE, false),
                claim("outbox", ProjectVolumes.OUTBOX, false),
                new VolumeBuilder().withName("desktop-secret").withNewSecret()
                        .withSecretName(WorkspaceNames.desktopSecret(spec.name())).withDefaultMode(SECRET_MODE)
                        .addNewItem().withKey(WorkspaceNames.PASSWORD_KEY).withPath(WorkspaceNames.PASSWORD_KEY)
                        .endItem().endSecret().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity(TMP_SIZE))
                        .endEmptyDir().build()));
        if (spec.database()) {
            volumes.add(new VolumeBuilder().withName("database-secret").withNewSecret()
                    .withSecretName(WorkspaceNames.databaseSecret(spec.name())).withDefaultMode(SECRET_MODE)
                    .endSecret().build());
        }
        for (DatasetMount dataset : spec.datasets()) {
            volumes.add(claim(datasetVolume(dataset), dataset.claimName(), true));
        }
        return volumes;
    }

    private static String datasetVolume(DatasetMount dataset) {
        return ClusterNames.safeLabel("data-" + dataset.dataset());
    }

    private static VolumeMount mount(String volume, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(readOnly).build();
    }

    private static Volume claim(String volume, String claimName, boolean readOnly) {
        return new VolumeBuilder().withName(volume).withNewPersistentVolumeClaim().withClaimName(claimName)
                .withReadOnly(readOnly).endPersistentVolumeClaim().build();
    }

    private static ObjectMeta meta(String name, WorkspaceSpec spec) {
        return new ObjectMetaBuilder().withName(name).withNamespace(spec.namespace())
                .withLabels(WorkspaceNames.labels(spec.projectId(), spec.slug(), spec.name())).build();
    }
}
