package eu.enclave.orchestrator.cluster.settings;

import eu.enclave.orchestrator.cluster.Mirror;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a quota and a mirror list must be before they are stored, as pure functions: every problem is collected
 * and reported at once, each naming its field ({@code cpu}, {@code mirrors[1].cidr}). The caps are there to
 * catch typos ({@code 64Ti} for {@code 64Gi}), not to size the cluster.
 */
public final class SettingsRules {

    public static final BigDecimal MAX_CPU = BigDecimal.valueOf(1024);
    public static final BigDecimal MAX_MEMORY = BigDecimal.valueOf(2).pow(44); // 16Ti
    public static final BigDecimal MAX_STORAGE = BigDecimal.valueOf(2).pow(50); // 1Pi
    public static final int MAX_GPUS = 64;
    public static final int MAX_PODS = 1000;
    public static final int MAX_PVCS = 1000;
    public static final int MAX_MIRRORS = 20;
    private static final BigDecimal MILLI = new BigDecimal("0.001");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private SettingsRules() {
    }

    /** The quota to store, or a 400 naming every invalid field. */
    public static ProjectQuota quota(QuotaInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String cpu = quantity(problems, "cpu", in.cpu(), true, MAX_CPU, "1024");
        if (cpu != null && Quantities.parse(cpu, true).orElseThrow().remainder(MILLI).signum() != 0) {
            problems.add(new FieldProblem("cpu", "must be a whole number of millicores (e.g. 500m or 0.5)"));
        }
        String memory = quantity(problems, "memory", in.memory(), false, MAX_MEMORY, "16Ti");
        String storage = quantity(problems, "storage", in.storage(), false, MAX_STORAGE, "1Pi");
        count(problems, "gpus", in.gpus(), 0, MAX_GPUS);
        count(problems, "pods", in.pods(), 1, MAX_PODS);
        count(problems, "pvcs", in.pvcs(), 1, MAX_PVCS);
        throwIfAny(problems);
        return new ProjectQuota(cpu, memory, in.gpus(), in.pods(), in.pvcs(), storage);
    }

    /** The mirrors to store, in the order given, with addresses in canonical form; or a 400 naming every problem. */
    public static List<Mirror> mirrors(MirrorsInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.mirrors() == null) {
            throw invalid(List.of(new FieldProblem("mirrors", "is required; [] removes every mirror")));
        }
        if (in.mirrors().size() > MAX_MIRRORS) {
            throw invalid(List.of(new FieldProblem("mirrors", "must hold at most " + MAX_MIRRORS + " mirrors")));
        }
        List<Mirror> mirrors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < in.mirrors().size(); i++) {
            MirrorInput m = in.mirrors().get(i);
            String at = "mirrors[" + i + "]";
            if (m == null) {
                problems.add(new FieldProblem(at, "is required"));
                continue;
            }
            int before = problems.size();
            if (m.name() == null || m.name().isBlank()) {
                problems.add(new FieldProblem(at + ".name", "is required"));
            } else if (!LABEL.matcher(m.name()).matches()) {
                problems.add(new FieldProblem(at + ".name", "must be a DNS label: at most 63 lower-case letters,"
                        + " digits and '-', starting and ending with a letter or digit"));
            } else if (!names.add(m.name())) {
                problems.add(new FieldProblem(at + ".name", "repeats the name '" + m.name() + "'"));
            }
            Cidrs.Result block = Cidrs.parse(m.cidr());
            String cidr = block instanceof Cidrs.Valid valid ? valid.cidr() : null;
            if (block instanceof Cidrs.Invalid invalid) {
                problems.add(new FieldProblem(at + ".cidr", invalid.reason()));
            }
            if (m.port() == null) {
                problems.add(new FieldProblem(at + ".port", "is required"));
            } else if (m.port() < 1 || m.port() > 65535) {
                problems.add(new FieldProblem(at + ".port", "must be between 1 and 65535"));
            }
            String hostname = m.hostname() == null || m.hostname().isEmpty() ? null : m.hostname();
            String hostnameProblem = hostname == null ? null : hostnameProblem(hostname);
            if (hostnameProblem != null) {
                problems.add(new FieldProblem(at + ".hostname", hostnameProblem));
            }
            if (problems.size() == before) {
                mirrors.add(new Mirror(m.name(), cidr, m.port(),
                        hostname == null ? null : hostname.toLowerCase(Locale.ROOT)));
            }
        }
        throwIfAny(problems);
        return List.copyOf(mirrors);
    }

    /** Null for a valid DNS name (one or more labels, at most 253 characters, not an IP address). */
    static String hostnameProblem(String hostname) {
        String lower = hostname.toLowerCase(Locale.ROOT);
        if (lower.length() > 253) {
            return "must be at most 253 characters";
        }
        String[] labels = lower.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "must be a DNS name: dot-separated labels of at most 63 letters, digits and '-',"
                        + " without a trailing dot";
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return "must be a name, not an address; give the address in cidr";
        }
        return null;
    }

    private static String quantity(List<FieldProblem> problems, String field, String value, boolean milli,
                                   BigDecimal max, String maxText) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        BigDecimal parsed = Quantities.parse(value, milli).orElse(null);
        if (parsed == null) {
            problems.add(new FieldProblem(field, "must be a Kubernetes quantity such as "
                    + (milli ? "4, 0.5 or 500m" : "512Mi, 64Gi or 1Ti")));
            return null;
        }
        if (parsed.signum() <= 0) {
            problems.add(new FieldProblem(field, "must be more than zero"));
            return null;
        }
        if (parsed.compareTo(max) > 0) {
            problems.add(new FieldProblem(field, "must be at most " + maxText));
            return null;
        }
        return value;
    }

    private static void count(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value < min || value > max) {
            problems.add(new FieldProblem(field, "must be between " + min + " and " + max));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    private static ApiException invalid(List<FieldProblem> problems) {
        String summary = problems.stream().map(p -> p.field() + ": " + p.reason())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        return new Invalid(summary, problems);
    }

    /** A 400 naming several fields (ApiException's factories name one). */
    private static final class Invalid extends ApiException {

        Invalid(String detail, List<FieldProblem> problems) {
            super(HttpStatus.BAD_REQUEST, detail, problems);
        }
    }
}
