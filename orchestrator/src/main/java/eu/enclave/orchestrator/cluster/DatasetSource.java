package eu.enclave.orchestrator.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a dataset's files are, in a form Kubernetes can mount read-only. Project pods never get an inline volume
 * of these (Pod Security {@code restricted} forbids inline {@code nfs}): each reaches a project as a claim bound to
 * a PersistentVolume, either one that already exists or one the orchestrator makes from an NFS export or a CSI
 * volume.
 */
public sealed interface DatasetSource {

    /** The kind as written in the API and the database. */
    String kind();

    /**
     * A PersistentVolume that an operator made beforehand. Kubernetes binds a volume to one claim only, so such a
     * dataset is approved for one project at a time.
     *
     * @param storageClassName the volume's class; empty for none. A claim binds only to a volume of its class.
     */
    record ExistingVolume(String volumeName, String storageClassName) implements DatasetSource {
        public static final String KIND = "persistent-volume";

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** An NFS export, mounted read-only through a PersistentVolume the orchestrator makes. */
    record Nfs(String server, String path) implements DatasetSource {
        public static final String KIND = "nfs";

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** A volume of a CSI driver, mounted read-only through a PersistentVolume the orchestrator makes. */
    record Csi(String driver, String volumeHandle, Map<String, String> attributes) implements DatasetSource {
        public static final String KIND = "csi";

        public Csi {
            attributes = attributes == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        }

        @Override
        public String kind() {
            return KIND;
        }
    }
}
