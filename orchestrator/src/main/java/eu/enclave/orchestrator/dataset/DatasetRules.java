package eu.enclave.orchestrator.dataset;

import eu.enclave.orchestrator.cluster.DatasetSource;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a dataset's fields must be before they are stored, as pure functions: every problem is collected and
 * reported at once, each naming its field ({@code name}, {@code source.path}). Storage sources are held to what
 * Kubernetes accepts in a PersistentVolume, and a little stricter where a typo would reach the wrong data.
 */
public final class DatasetRules {

    public static final int MAX_NAME = 40;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_TEXT = 200;
    public static final int MIN_CELL_COUNT = 1;
    public static final int MAX_CELL_COUNT = 1000;
    public static final int MIN_DOMINANCE = 50;
    public static final int MAX_DOMINANCE = 100;
    public static final int MAX_PATH = 1024;
    public static final int MAX_HANDLE = 1024;
    public static final int MAX_ATTRIBUTES = 32;
    public static final String NAME_REASON = "must be a DNS label of at most 40 characters: lower-case letters,"
            + " digits and '-', starting and ending with a letter or digit";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~@+=,:/-]*");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]{0,251}[A-Za-z0-9])?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private DatasetRules() {
    }

    /** The fields of a new dataset, checked; or a 400 naming every invalid field. */
    public static Checked create(DatasetInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(in.name())) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (in.name().length() > MAX_NAME || !LABEL.matcher(in.name()).matches()) {
            problems.add(new FieldProblem("name", NAME_REASON));
        }
        Checked checked = new Checked(in.name(), description(problems, in.description()), owner(problems, in.owner()),
                tier(problems, in.tier()), disclosure(problems, in.disclosure()), source(problems, in.source()));
        throwIfAny(problems);
        return checked;
    }

    /** The dataset as changed; or a 400 naming every invalid field. Absent fields keep their value. */
    public static Checked change(Dataset current, DatasetChanges in) {
        List<FieldProblem> problems = new ArrayList<>();
        Checked checked = new Checked(current.name(),
                in.description() == null ? current.description() : description(problems, in.description()),
                in.owner() == null ? current.owner() : owner(problems, in.owner()),
                in.tier() == null ? current.tier() : tier(problems, in.tier()),
                in.disclosure() == null ? current.disclosure() : disclosure(problems, in.disclosure()),
                in.source() == null ? current.source() : source(problems, in.source()));
        throwIfAny(problems);
        return checked;
    }

    /** A dataset's checked fields. */
    public record Checked(String name, String description, String owner, SensitivityTier tier, Disclosure disclosure,
                          DatasetSource source) {
    }

    private static String description(List<FieldProblem> problems, String description) {
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return text;
    }

    private static String owner(List<FieldProblem> problems, String owner) {
        if (blank(owner)) {
            problems.add(new FieldProblem("owner", "is required (the organisation or person responsible for the data)"));
            return null;
        }
        if (owner.strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem("owner", "must be at most " + MAX_TEXT + " characters"));
        }
        return owner.strip();
    }

    private static SensitivityTier tier(List<FieldProblem> problems, String tier) {
        String allowed = "one of anonymised, pseudonymised, highly_sensitive";
        if (blank(tier)) {
            problems.add(new FieldProblem("tier", "is required; " + allowed));
            return null;
        }
        try {
            SensitivityTier parsed = SensitivityTier.parse(tier);
            if (parsed.toString().equals(tier)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem("tier", "must be " + allowed));
        return null;
    }

    private static Disclosure disclosure(List<FieldProblem> problems, DisclosureInput in) {
        if (in == null) {
            return Disclosure.DEFAULT;
        }
        int minimum = in.minimumCellCount() == null ? Disclosure.DEFAULT_MINIMUM_CELL_COUNT : in.minimumCellCount();
        if (minimum < MIN_CELL_COUNT || minimum > MAX_CELL_COUNT) {
            problems.add(new FieldProblem("disclosure.minimumCellCount",
                    "must be between " + MIN_CELL_COUNT + " and " + MAX_CELL_COUNT));
        }
        Integer dominance = in.dominancePercent();
        if (dominance != null && (dominance < MIN_DOMINANCE || dominance > MAX_DOMINANCE)) {
            problems.add(new FieldProblem("disclosure.dominancePercent",
                    "must be between " + MIN_DOMINANCE + " and " + MAX_DOMINANCE + " (percent), or absent"));
        }
        return new Disclosure(minimum, dominance);
    }

    private static DatasetSource source(List<FieldProblem> problems, SourceInput in) {
        if (in == null) {
            problems.add(new FieldProblem("source", "is required"));
            return null;
        }
        int before = problems.size();
        String kind = in.kind() == null ? "" : in.kind();
        Map<String, Object> unused = new LinkedHashMap<>();
        unused.put("volumeName", in.volumeName());
        unused.put("storageClassName", in.storageClassName());
        unused.put("server", in.server());
        unused.put("path", in.path());
        unused.put("driver", in.driver());
        unused.put("volumeHandle", in.volumeHandle());
        unused.put("attributes", in.attributes());
        DatasetSource source = switch (kind) {
            case DatasetSource.ExistingVolume.KIND -> {
                unused.remove("volumeName");
                unused.remove("storageClassName");
                yield existingVolume(problems, in);
            }
            case DatasetSource.Nfs.KIND -> {
                unused.remove("server");
                unused.remove("path");
                yield nfs(problems, in);
            }
            case DatasetSource.Csi.KIND -> {
                unused.remove("driver");
                unused.remove("volumeHandle");
                unused.remove("attributes");
                yield csi(problems, in);
            }
            default -> {
                problems.add(new FieldProblem("source.kind", blank(in.kind())
                        ? "is required; one of persistent-volume, nfs, csi"
                        : "must be one of persistent-volume, nfs, csi"));
                unused.clear();
                yield null;
            }
        };
        unused.forEach((field, value) -> {
            if (value != null) {
                problems.add(new FieldProblem("source." + field, "is not used by a " + kind + " source"));
            }
        });
        return problems.size() == before ? source : null;
    }

    private static DatasetSource existingVolume(List<FieldProblem> problems, SourceInput in) {
        String name = in.volumeName();
        if (blank(name)) {
            problems.add(new FieldProblem("source.volumeName", "is required: the name of an existing PersistentVolume"));
        } else if (!SUBDOMAIN.matcher(name).matches()) {
            problems.add(new FieldProblem("source.volumeName", "must be a Kubernetes object name: at most 253"
                    + " lower-case letters, digits, '-' and '.'"));
        }
        String storageClass = in.storageClassName() == null ? "" : in.storageClassName();
        if (!storageClass.isEmpty() && !SUBDOMAIN.matcher(storageClass).matches()) {
            problems.add(new FieldProblem("source.storageClassName", "must be a Kubernetes object name, or empty"
                    + " for a volume without a class"));
        }
        return new DatasetSource.ExistingVolume(name, storageClass);
    }

    private static DatasetSource nfs(List<FieldProblem> problems, SourceInput in) {
        String server = in.server();
        if (blank(server)) {
            problems.add(new FieldProblem("source.server", "is required: the NFS server's host name or IP address"));
        } else if (!isHost(server)) {
            problems.add(new FieldProblem("source.server", "must be a host name or an IP address"));
        }
        String path = in.path();
        String pathProblem = pathProblem(path);
        if (pathProblem != null) {
            problems.add(new FieldProblem("source.path", pathProblem));
        }
        return new DatasetSource.Nfs(server, path);
    }

    private static DatasetSource csi(List<FieldProblem> problems, SourceInput in) {
        String driver = in.driver();
        if (blank(driver)) {
            problems.add(new FieldProblem("source.driver", "is required: the CSI driver's name"));
        } else if (driver.length() > 63 || !SUBDOMAIN.matcher(driver).matches()) {
            problems.add(new FieldProblem("source.driver", "must be a CSI driver name: at most 63 lower-case"
                    + " letters, digits, '-' and '.', starting and ending with a letter or digit"));
        }
        String handle = in.volumeHandle();
        if (blank(handle)) {
            problems.add(new FieldProblem("source.volumeHandle", "is required"));
        } else if (handle.length() > MAX_HANDLE || CONTROL.matcher(handle).find()) {
            problems.add(new FieldProblem("source.volumeHandle", "must be at most " + MAX_HANDLE
                    + " characters without control characters"));
        }
        Map<String, String> attributes = in.attributes() == null ? Map.of() : in.attributes();
        if (attributes.size() > MAX_ATTRIBUTES) {
            problems.add(new FieldProblem("source.attributes", "must hold at most " + MAX_ATTRIBUTES + " entries"));
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String key = attribute.getKey();
            String value = attribute.getValue();
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                problems.add(new FieldProblem("source.attributes", "key '" + shown(key) + "' must be at most 253"
                        + " letters, digits, '-', '_', '.' and '/', starting and ending with a letter or digit"));
            } else if (value == null || value.length() > MAX_HANDLE || CONTROL.matcher(value).find()) {
                problems.add(new FieldProblem("source.attributes", "the value of '" + key + "' must be text of at"
                        + " most " + MAX_HANDLE + " characters without control characters"));
            }
        }
        return new DatasetSource.Csi(driver, handle, attributes);
    }

    /** Null for an absolute export path without empty, '.' or '..' segments. */
    static String pathProblem(String path) {
        if (blank(path)) {
            return "is required: the exported path, e.g. /exports/cohort";
        }
        if (path.length() > MAX_PATH) {
            return "must be at most " + MAX_PATH + " characters";
        }
        if (!PATH.matcher(path).matches()) {
            return "must be an absolute path of letters, digits and . _ ~ @ + = , : / -";
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean trailing = i == segments.length - 1 && segment.isEmpty();
            if ((segment.isEmpty() && !trailing && path.length() > 1) || segment.equals(".") || segment.equals("..")) {
                return "must not contain empty, '.' or '..' segments";
            }
        }
        return null;
    }

    /** A DNS name or an IP address literal; never looked up. */
    static boolean isHost(String server) {
        if (server.length() > 253) {
            return false;
        }
        if (IPV4.matcher(server).matches()) {
            return true;
        }
        if (server.contains(":")) {
            return IPV6.matcher(server).matches() && isIpv6Literal(server);
        }
        String[] labels = server.split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // a name whose last label is all digits is a mistyped address
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private static boolean isIpv6Literal(String server) {
        try {
            // only hex digits, ':' and '.': parsed as a literal, never resolved
            return InetAddress.getByName(server) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String shown(String text) {
        String clean = CONTROL.matcher(text).replaceAll("?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            String summary = problems.stream().map(p -> p.field() + ": " + p.reason())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw new Invalid(summary, problems);
        }
    }

    private static final class Invalid extends ApiException {
        Invalid(String detail, List<FieldProblem> problems) {
            super(HttpStatus.BAD_REQUEST, detail, problems);
        }
    }
}
