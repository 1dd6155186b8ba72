package eu.enclave.orchestrator.dataset.web;

import eu.enclave.orchestrator.dataset.DatasetInput;
import eu.enclave.orchestrator.dataset.Disclosure;
import eu.enclave.orchestrator.dataset.DisclosureInput;
import eu.enclave.orchestrator.dataset.SourceInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.BindingResult;

/**
 * The admin's registration form, as typed. Its nested paths are the API's field names ({@code source.path},
 * {@code disclosure.minimumCellCount}), so that every refusal of the service lands beside its field. All source
 * fields are on the page; only those of the chosen kind are sent.
 */
public class DatasetForm {

    static final String NAME = "dataset";
    static final Set<String> FIELDS = Set.of("name", "description", "owner", "tier", "disclosure.minimumCellCount",
            "disclosure.dominancePercent", "source", "source.kind", "source.volumeName", "source.storageClassName",
            "source.server", "source.path", "source.driver", "source.volumeHandle", "source.attributes");

    private String name;
    private String description;
    private String owner;
    private String tier = "pseudonymised";
    private DisclosureForm disclosure = new DisclosureForm();
    private SourceForm source = new SourceForm();

    /** The input to hand to the service; an attribute line without '=' is rejected on {@code result}. */
    DatasetInput toInput(BindingResult result) {
        return new DatasetInput(text(name), text(description), text(owner), text(tier),
                new DisclosureInput(disclosure.minimumCellCount, disclosure.dominancePercent), source.toInput(result));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static class DisclosureForm {
        private Integer minimumCellCount = Disclosure.DEFAULT_MINIMUM_CELL_COUNT;
        private Integer dominancePercent;

        public Integer getMinimumCellCount() {
            return minimumCellCount;
        }

        public void setMinimumCellCount(Integer minimumCellCount) {
            this.minimumCellCount = minimumCellCount;
        }

        public Integer getDominancePercent() {
            return dominancePercent;
        }

        public void setDominancePercent(Integer dominancePercent) {
            this.dominancePercent = dominancePercent;
        }
    }

    public static class SourceForm {
        private String kind = "nfs";
        private String volumeName;
        private String storageClassName;
        private String server;
        private String path;
        private String driver;
        private String volumeHandle;
        /** One {@code key=value} per line. */
        private String attributes;

        SourceInput toInput(BindingResult result) {
            String k = text(kind);
            boolean pv = "persistent-volume".equals(k);
            boolean nfs = "nfs".equals(k);
            boolean csi = "csi".equals(k);
            return new SourceInput(k, pv ? text(volumeName) : null, pv ? text(storageClassName) : null,
                    nfs ? text(server) : null, nfs ? text(path) : null, csi ? text(driver) : null,
                    csi ? text(volumeHandle) : null, csi ? attributes(result) : null);
        }

        private Map<String, String> attributes(BindingResult result) {
            if (attributes == null || attributes.isBlank()) {
                return null;
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (String line : attributes.strip().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals < 1) {
                    result.rejectValue("source.attributes", "datasets.error.attributeLine");
                    return null;
                }
                map.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
            return map;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getVolumeName() {
            return volumeName;
        }

        public void setVolumeName(String volumeName) {
            this.volumeName = volumeName;
        }

        public String getStorageClassName() {
            return storageClassName;
        }

        public void setStorageClassName(String storageClassName) {
            this.storageClassName = storageClassName;
        }

        public String getServer() {
            return server;
        }

        public void setServer(String server) {
            this.server = server;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getDriver() {
            return driver;
        }

        public void setDriver(String driver) {
            this.driver = driver;
        }

        public String getVolumeHandle() {
            return volumeHandle;
        }

        public void setVolumeHandle(String volumeHandle) {
            this.volumeHandle = volumeHandle;
        }

        public String getAttributes() {
            return attributes;
        }

        public void setAttributes(String attributes) {
            this.attributes = attributes;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public DisclosureForm getDisclosure() {
        return disclosure;
    }

    public void setDisclosure(DisclosureForm disclosure) {
        this.disclosure = disclosure;
    }

    public SourceForm getSource() {
        return source;
    }

    public void setSource(SourceForm source) {
        this.source = source;
    }
}
