package eu.enclave.orchestrator.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every Kubernetes name and label Enclave writes, in one place. Names are always valid DNS-1123 labels
 * (at most 63 characters); when a name would be too long or unsafe it is shortened and suffixed with a
 * hash of the original, so that two different inputs never share a name.
 */
public final class ClusterNames {

    public static final int MAX_LABEL = 63;
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "enclave";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String PROJECT_ID = "enclave.eu/project-id";
    public static final String PROJECT = "enclave.eu/project";
    public static final String COMPONENT = "enclave.eu/component";
    public static final String WORKSPACE_COMPONENT = "workspace";
    /** Component of a dataset's claim and of the volume made for it: the only claims the pruner may delete. */
    public static final String DATASET_COMPONENT = "dataset";
    public static final String DATASET = "enclave.eu/dataset";

    private ClusterNames() {
    }

    public static String namespace(String prefix, String slug) {
        return safeLabel(prefix + slug);
    }

    /** Labels on every object Enclave owns for a project: how the pruner finds them, and nothing else. */
    public static SortedMap<String, String> ownedBy(UUID projectId, String slug) {
        return new TreeMap<>(Map.of(MANAGED_BY, MANAGER, PART_OF, "enclave", PROJECT_ID, projectId.toString(),
                PROJECT, safeLabelValue(slug)));
    }

    /** The two labels that make an object this project's: the only way owned objects are ever selected. */
    public static Map<String, String> ownerSelector(UUID projectId) {
        return Map.of(MANAGED_BY, MANAGER, PROJECT_ID, projectId.toString());
    }

    /** Whether labels (possibly null) include both {@link #ownerSelector} labels of the project. */
    public static boolean ownedBy(Map<String, String> labels, UUID projectId) {
        return labels != null && labels.entrySet().containsAll(ownerSelector(projectId).entrySet());
    }

    public static Map<String, String> workspacePods() {
        return Map.of(COMPONENT, WORKSPACE_COMPONENT);
    }

    /**
     * Lower-cases, replaces anything outside [a-z0-9-] with '-', trims dashes at both ends, and keeps the
     * result within 63 characters. Altered or shortened names get an 8-hex-digit hash of the input.
     */
    public static String safeLabel(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        if (safe.equals(name) && !safe.isEmpty() && safe.length() <= MAX_LABEL) {
            return safe;
        }
        String hash = hash(name);
        String head = safe.substring(0, Math.min(safe.length(), MAX_LABEL - hash.length() - 1));
        head = head.replaceAll("-+$", "");
        return head.isEmpty() ? "x-" + hash : head + "-" + hash;
    }

    /** Label values may also hold '.', '_' and upper case, but the same length limit applies. */
    public static String safeLabelValue(String value) {
        return value.length() <= MAX_LABEL && value.matches("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?")
                ? value : safeLabel(value);
    }

    /** The claim through which a project's pods mount a dataset: {@code ds-<dataset>} in the project namespace. */
    public static String datasetClaim(String dataset) {
        return "ds-" + dataset;
    }

    /**
     * The cluster-wide PersistentVolume made for one project's claim of a dataset: {@code <namespace>-ds-<dataset>}.
     * Volume names are DNS subdomains (up to 253 characters), so this needs no shortening.
     */
    public static String datasetVolume(String namespace, String dataset) {
        return namespace + "-" + datasetClaim(dataset);
    }

    /** Labels that mark a dataset's claim and volume, beside the ownership labels. */
    public static Map<String, String> datasetObject(String dataset) {
        return Map.of(COMPONENT, DATASET_COMPONENT, DATASET, safeLabelValue(dataset));
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
