package eu.enclave.egress.support;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.Finding;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service tests' checks engine, so that they do not depend on the real one's rules: types from magic bytes
 * (PNG, PDF, ZIP, else CSV or text when the head is text, else unknown), a French NIR in free text as a verified
 * identifier ({@code identifier.nir}, {@code fail}), and file results scripted by name (otherwise those of the
 * fallback: {@code review}, "not checked"). It can be told to fail the next runs, as an engine that crashes.
 */
public final class ScriptedOutputChecker implements OutputChecker {

    public static final String VERSION = "scripted-1";
    private static final Pattern NIR = Pattern.compile("\\b([12])\\s?(\\d{2})\\s?(\\d{2})\\s?(\\d{2})\\s?(\\d{3})\\s?"
            + "(\\d{3})\\s?(\\d{2})\\b");

    private final NotCheckedOutputChecker fallback = new NotCheckedOutputChecker();
    private final Map<String, Function<CheckedFile, FileCheckResult>> byName = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();

    /** Files of this name get this result (given the file, and the policy hash to record). */
    public ScriptedOutputChecker script(String name, CheckStatus status, Finding... findings) {
        byName.put(name, file -> new FileCheckResult(status, "csv", List.of("scripted"), List.of(findings), VERSION,
                null, false));
        return this;
    }

    /** The next {@code n} runs throw, as an engine that crashed. */
    public ScriptedOutputChecker failNext(int n) {
        failures.set(n);
        return this;
    }

    public int runs() {
        return runs.get();
    }

    public void reset() {
        byName.clear();
        failures.set(0);
    }

    public static Finding smallCount(long row, String column, String value) {
        return new Finding("table.small-count", CheckStatus.FAIL, Location.cell(null, row, column), value, null,
                "A count below the threshold", "Un effectif sous le seuil");
    }

    @Override
    public Map<String, FileCheckResult> check(String project, List<CheckedFile> files, DisclosurePolicy policy,
                                              String policyHash) {
        runs.incrementAndGet();
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("scripted engine failure");
        }
        Map<String, FileCheckResult> results = new LinkedHashMap<>(fallback.check(project, files, policy, policyHash));
        for (CheckedFile file : files) {
            Function<CheckedFile, FileCheckResult> scripted = byName.get(file.name());
            if (scripted != null) {
                FileCheckResult r = scripted.apply(file);
                results.put(file.fileId(), new FileCheckResult(r.status(), r.detectedType(), r.rulesRun(),
                        r.findings(), r.engineVersion(), policyHash, r.verifiedDirectIdentifier()));
            }
        }
        return results;
    }

    @Override
    public String detectType(byte[] head) {
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "png";
        }
        if (startsWith(head, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
            return "pdf";
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return "zip";
        }
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8);
        if (text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t') && !text.contains("\uFFFD")) {
            String first = text.lines().findFirst().orElse("");
            return first.contains(";") || first.contains(",") ? "csv" : "text";
        }
        return "unknown";
    }

    @Override
    public List<Finding> screenText(String text, DisclosurePolicy policy) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = NIR.matcher(text);
        while (m.find()) {
            findings.add(new Finding("identifier.nir", CheckStatus.FAIL, Location.FILE,
                    m.group(1) + " " + m.group(2) + " ** ** *** *** **", "digest", "A social security number (NIR)",
                    "Un numéro de sécurité sociale (NIR)"));
        }
        return findings;
    }

    @Override
    public String engineVersion() {
        return VERSION;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
