package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.engine.EngineLimits;
import eu.enclave.egress.checks.engine.IdentifierDigest;
import eu.enclave.egress.checks.engine.Ticker;
import eu.enclave.egress.checks.history.ProjectDatasets;
import eu.enclave.egress.checks.history.TableHistory;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test support: an engine with a fixed digest key, and submissions written in a line. */
public final class Checks {

    public static final byte[] KEY = "test-identifier-digest-key-32byt".getBytes(StandardCharsets.US_ASCII);

    private final ChecksEngine engine;
    private final Map<String, CheckedFile> files = new LinkedHashMap<>();
    private DisclosurePolicy policy = DisclosurePolicy.DEFAULT;

    private Checks(ChecksEngine engine) {
        this.engine = engine;
    }

    public static Checks engine() {
        return with(EngineLimits.DEFAULT, TableHistory.NONE, project -> Set.of("demo-cohort"), Ticker.SYSTEM);
    }

    public static Checks with(EngineLimits limits, TableHistory history, ProjectDatasets datasets, Ticker ticker) {
        return new Checks(new ChecksEngine(limits, new IdentifierDigest(KEY), history, datasets, ticker));
    }

    public static Checks with(EngineLimits limits) {
        return with(limits, TableHistory.NONE, project -> Set.of("demo-cohort"), Ticker.SYSTEM);
    }

    public ChecksEngine checker() {
        return engine;
    }

    public Checks policy(DisclosurePolicy newPolicy) {
        this.policy = newPolicy;
        return this;
    }

    public Checks file(String name, byte[] content) {
        return file(name, content, false);
    }

    public Checks file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), false);
    }

    public Checks file(String name, String content, Charset charset) {
        return file(name, content.getBytes(charset), false);
    }

    public Checks supporting(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), true);
    }

    public Checks file(String name, byte[] content, boolean supporting) {
        String id = "f" + (files.size() + 1);
        files.put(name, new CheckedFile(id, "g", name, content.length, supporting,
                () -> new java.io.ByteArrayInputStream(content)));
        return this;
    }

    /** Checks every file added, then forgets them; results by file name. */
    public Map<String, FileCheckResult> run() {
        return run("demo");
    }

    public Map<String, FileCheckResult> run(String project) {
        List<CheckedFile> list = new ArrayList<>(files.values());
        Map<String, FileCheckResult> byId = engine.check(project, list, policy, policy.hash());
        Map<String, FileCheckResult> byName = new LinkedHashMap<>();
        for (CheckedFile file : list) {
            byName.put(file.name(), byId.get(file.fileId()));
        }
        files.clear();
        return byName;
    }

    /** Checks one file alone. */
    public FileCheckResult one(String name, String content) {
        return file(name, content).run().get(name);
    }

    public FileCheckResult one(String name, byte[] content) {
        return file(name, content).run().get(name);
    }

    public static List<Finding> of(FileCheckResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    public static void assertNoFindings(FileCheckResult result, String ruleId) {
        assertThat(of(result, ruleId)).as(result.findings().toString()).isEmpty();
    }
}
