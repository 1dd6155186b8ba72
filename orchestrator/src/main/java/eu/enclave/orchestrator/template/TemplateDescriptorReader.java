package eu.enclave.orchestrator.template;

import eu.enclave.orchestrator.cluster.settings.Quantities;
import eu.enclave.orchestrator.template.WorkspaceTemplate.DisplayNames;
import eu.enclave.orchestrator.template.WorkspaceTemplate.MountPoints;
import eu.enclave.orchestrator.template.WorkspaceTemplate.Protocol;
import eu.enclave.orchestrator.template.WorkspaceTemplate.TemplateResources;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one template descriptor and checks every field, collecting all errors rather than stopping at the first,
 * so that an operator fixes a broken catalogue in one go. The format is described in
 * {@code workspace-templates/README.md}; unknown fields are errors, so that a misspelt field is never silently
 * ignored.
 */
public final class TemplateDescriptorReader {

    static final int MAX_DESCRIPTOR_CHARS = 64 * 1024;
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** registry[:port]/path:tag, path@sha256:digest or both; lower-case path components as the OCI spec wants. */
    private static final Pattern IMAGE = Pattern.compile(
            "(?<name>(?:[a-zA-Z0-9.-]+(?::[0-9]{1,5})?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                    + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
                    + "(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>sha256:[a-f0-9]{64}))?");
    private static final Pattern MOUNT_PATH = Pattern.compile("(/[A-Za-z0-9_][A-Za-z0-9._-]*)+");
    /** Where a volume would hide or replace the image's own files (and /tmp, an emptyDir of its own). */
    private static final Set<String> SYSTEM_ROOTS = Set.of("bin", "boot", "dev", "etc", "lib", "lib32", "lib64",
            "opt", "proc", "root", "run", "sbin", "sys", "tmp", "usr", "var");
    private static final int MAX_GPUS = 64;
    private static final int MAX_NAME_LENGTH = 100;
    private static final Set<String> TOP_FIELDS = Set.of("id", "displayName", "image", "protocol", "port", "gpu",
            "resources", "mounts");

    private TemplateDescriptorReader() {
    }

    /** The template, or the errors that keep it out of the catalogue (never both). */
    public record Result(Optional<WorkspaceTemplate> template, List<DescriptorError> errors) {
    }

    /**
     * @param source     where the text comes from, for the error messages
     * @param expectedId the name of its folder or file, which the id must repeat; null when there is none
     */
    public static Result read(String source, String expectedId, String text) {
        Check check = new Check(source);
        Map<String, Object> root = check.root(text);
        if (root == null) {
            return new Result(Optional.empty(), check.errors);
        }
        check.onlyKnown("", root, TOP_FIELDS);
        String id = check.id(root.get("id"), expectedId);
        DisplayNames names = check.displayNames(root.get("displayName"));
        String image = check.image(root.get("image"));
        Protocol protocol = check.protocol(root.get("protocol"));
        Integer port = check.port(root.get("port"));
        Boolean gpu = check.bool("gpu", root.get("gpu"));
        Map<String, Object> resources = check.mapping("resources", root.get("resources"), Set.of("default", "maximum"));
        TemplateResources defaults = resources == null ? null
                : check.resources("resources.default", resources.get("default"), gpu);
        TemplateResources maximum = resources == null ? null
                : check.resources("resources.maximum", resources.get("maximum"), gpu);
        check.defaultsWithinMaximum(defaults, maximum);
        MountPoints mounts = check.mounts(root.get("mounts"));
        if (!check.errors.isEmpty()) {
            return new Result(Optional.empty(), check.errors);
        }
        return new Result(Optional.of(new WorkspaceTemplate(id, names, image, protocol, port, gpu, defaults, maximum,
                mounts)), List.of());
    }

    /** The checks of one descriptor and the errors they found; each check returns null for a bad value. */
    private static final class Check {

        private final String source;
        private final List<DescriptorError> errors = new ArrayList<>();

        Check(String source) {
            this.source = source;
        }

        void error(String field, String reason) {
            errors.add(new DescriptorError(source, field, reason));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> root(String text) {
            if (text == null || text.isBlank()) {
                error(DescriptorError.WHOLE_FILE, "is empty");
                return null;
            }
            if (text.length() > MAX_DESCRIPTOR_CHARS) {
                error(DescriptorError.WHOLE_FILE, "is larger than " + MAX_DESCRIPTOR_CHARS + " characters");
                return null;
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setAllowRecursiveKeys(false);
            Object document;
            try {
                document = new Yaml(new SafeConstructor(options)).load(text);
            } catch (YAMLException e) {
                error(DescriptorError.WHOLE_FILE, "is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
                return null;
            }
            if (!(document instanceof Map<?, ?> map)) {
                error(DescriptorError.WHOLE_FILE, "must be a YAML mapping of fields (id, displayName, image, ...)");
                return null;
            }
            return (Map<String, Object>) map;
        }

        void onlyKnown(String prefix, Map<?, ?> map, Set<String> known) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String name) || !known.contains(name)) {
                    error(prefix + key, "is not a known field (known: " + String.join(", ", known.stream()
                            .sorted().toList()) + ")");
                }
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> mapping(String field, Object value, Set<String> known) {
            if (value == null) {
                error(field, "is required");
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                error(field, "must be a mapping with " + String.join(", ", known.stream().sorted().toList()));
                return null;
            }
            onlyKnown(field + ".", map, known);
            return (Map<String, Object>) map;
        }

        String text(String field, Object value) {
            if (value == null) {
                error(field, "is required");
                return null;
            }
            if (!(value instanceof String s) || s.isBlank()) {
                error(field, "must be a non-empty text");
                return null;
            }
            return s;
        }

        String id(Object value, String expectedId) {
            String id = text("id", value);
            if (id == null) {
                return null;
            }
            if (!DNS_LABEL.matcher(id).matches()) {
                error("id", "'" + id + "' is not a DNS label (at most 63 lower-case letters, digits and hyphens,"
                        + " starting and ending with a letter or digit)");
                return null;
            }
            if (expectedId != null && !expectedId.equals(id)) {
                error("id", "'" + id + "' must equal the name of its folder or file, '" + expectedId + "'");
                return null;
            }
            return id;
        }

        DisplayNames displayNames(Object value) {
            Map<String, Object> names = mapping("displayName", value, Set.of("en", "fr"));
            if (names == null) {
                return null;
            }
            String en = displayName("displayName.en", names.get("en"));
            String fr = displayName("displayName.fr", names.get("fr"));
            return en == null || fr == null ? null : new DisplayNames(en.strip(), fr.strip());
        }

        private String displayName(String field, Object value) {
            String name = text(field, value);
            if (name == null) {
                return null;
            }
            if (name.strip().length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
                error(field, "must be one line of at most " + MAX_NAME_LENGTH + " characters");
                return null;
            }
            return name;
        }

        String image(Object value) {
            String image = text("image", value);
            if (image == null) {
                return null;
            }
            var m = IMAGE.matcher(image);
            if (!m.matches()) {
                error("image", "'" + image + "' is not a container image reference (registry/path:tag or"
                        + " registry/path@sha256:digest)");
                return null;
            }
            if (m.group("tag") == null && m.group("digest") == null) {
                error("image", "'" + image + "' must name a tag or a digest, so that every workspace runs the"
                        + " image that was reviewed");
                return null;
            }
            if ("latest".equals(m.group("tag")) && m.group("digest") == null) {
                error("image", "'" + image + "' uses the tag 'latest', which moves; name a version or a digest");
                return null;
            }
            return image;
        }

        Protocol protocol(Object value) {
            String protocol = text("protocol", value);
            if (protocol == null) {
                return null;
            }
            return switch (protocol) {
                case "vnc" -> Protocol.VNC;
                case "rdp" -> Protocol.RDP;
                default -> {
                    error("protocol", "'" + protocol + "' is not a known protocol (vnc or rdp)");
                    yield null;
                }
            };
        }

        Integer port(Object value) {
            Integer port = whole("port", value);
            if (port != null && (port < 1 || port > 65535)) {
                error("port", port + " is out of range (1 to 65535)");
                return null;
            }
            return port;
        }

        Boolean bool(String field, Object value) {
            if (value == null) {
                error(field, "is required");
                return null;
            }
            if (!(value instanceof Boolean b)) {
                error(field, "must be true or false");
                return null;
            }
            return b;
        }

        private Integer whole(String field, Object value) {
            if (value == null) {
                error(field, "is required");
                return null;
            }
            if (value instanceof Long || value instanceof BigInteger) {
                error(field, value + " is out of range");
                return null;
            }
            if (!(value instanceof Integer i)) {
                error(field, "must be a whole number");
                return null;
            }
            return i;
        }

        TemplateResources resources(String field, Object value, Boolean gpuTemplate) {
            Map<String, Object> map = mapping(field, value, Set.of("cpu", "memory", "gpu"));
            if (map == null) {
                return null;
            }
            String cpu = quantity(field + ".cpu", map.get("cpu"), true);
            String memory = quantity(field + ".memory", map.get("memory"), false);
            Integer gpu = gpus(field + ".gpu", map.get("gpu"), gpuTemplate);
            return cpu == null || memory == null || gpu == null ? null : new TemplateResources(cpu, memory, gpu);
        }

        private String quantity(String field, Object value, boolean cpu) {
            if (value instanceof Integer i) {
                value = i.toString(); // cpu: 2, as YAML reads an unquoted number
            }
            String text = text(field, value);
            if (text == null) {
                return null;
            }
            Optional<BigDecimal> amount = Quantities.parse(text, cpu);
            if (amount.isEmpty()) {
                error(field, "'" + text + "' is not a Kubernetes quantity (e.g. " + (cpu ? "2 or 500m" : "8Gi") + ")");
                return null;
            }
            if (amount.get().signum() <= 0) {
                error(field, "must be more than zero");
                return null;
            }
            return text;
        }

        private Integer gpus(String field, Object value, Boolean gpuTemplate) {
            if (gpuTemplate == null) {
                return value instanceof Integer i ? i : 0; // reported under "gpu" already
            }
            if (!gpuTemplate) {
                if (value != null) {
                    error(field, "is not allowed: the template has gpu: false, so it cannot request GPUs");
                    return null;
                }
                return 0;
            }
            Integer gpus = whole(field, value);
            if (gpus != null && (gpus < 1 || gpus > MAX_GPUS)) {
                error(field, gpus + " is out of range for a GPU template (1 to " + MAX_GPUS + ")");
                return null;
            }
            return gpus;
        }

        void defaultsWithinMaximum(TemplateResources defaults, TemplateResources maximum) {
            if (defaults == null || maximum == null) {
                return;
            }
            notAbove("cpu", defaults.cpu(), maximum.cpu(), true);
            notAbove("memory", defaults.memory(), maximum.memory(), false);
            if (defaults.gpu() > maximum.gpu()) {
                error("resources.default.gpu", defaults.gpu() + " is above the maximum, " + maximum.gpu());
            }
        }

        private void notAbove(String resource, String value, String max, boolean cpu) {
            if (Quantities.parse(value, cpu).orElseThrow().compareTo(Quantities.parse(max, cpu).orElseThrow()) > 0) {
                error("resources.default." + resource, value + " is above the maximum, " + max);
            }
        }

        MountPoints mounts(Object value) {
            Map<String, Object> map = mapping("mounts", value, Set.of("home", "share", "outbox", "data"));
            if (map == null) {
                return null;
            }
            Map<String, String> paths = new LinkedHashMap<>();
            for (String name : List.of("home", "share", "outbox", "data")) {
                String path = mountPath("mounts." + name, map.get(name));
                if (path != null) {
                    paths.put(name, path);
                }
            }
            if (paths.size() < 4) {
                return null;
            }
            List<String> names = List.copyOf(paths.keySet());
            boolean clash = false;
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    String a = paths.get(names.get(i));
                    String b = paths.get(names.get(j));
                    if (a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/")) {
                        error("mounts." + names.get(j), b + " overlaps mounts." + names.get(i) + " (" + a
                                + "): each volume needs a folder of its own");
                        clash = true;
                    }
                }
            }
            return clash ? null : new MountPoints(paths.get("home"), paths.get("share"), paths.get("outbox"),
                    paths.get("data"));
        }

        private String mountPath(String field, Object value) {
            String path = text(field, value);
            if (path == null) {
                return null;
            }
            if (!MOUNT_PATH.matcher(path).matches()) {
                error(field, "'" + path + "' must be an absolute path of plain names (no '.', '..', spaces or"
                        + " trailing '/')");
                return null;
            }
            String top = path.substring(1).split("/")[0].toLowerCase(Locale.ROOT);
            if (SYSTEM_ROOTS.contains(top)) {
                error(field, "'" + path + "' is under /" + top + ", which belongs to the image");
                return null;
            }
            return path;
        }
    }
}
