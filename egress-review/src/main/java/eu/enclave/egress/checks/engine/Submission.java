package eu.enclave.egress.checks.engine;

import com.google.re2j.Pattern;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.history.TableHistory;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import eu.enclave.platform.disclosure.IdentifierPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files of one check call with what the engine learned of each, so that rules relating files (ACRO results,
 * contributor evidence, earlier releases) can see them all.
 */
public final class Submission {

    private final String project;
    private final DisclosurePolicy policy;
    private final EngineLimits limits;
    private final RuleSet rules;
    private final TableHistory history;
    private final Set<String> datasets;
    private final List<NamedPattern> patterns;
    private final Map<String, FileState> files = new LinkedHashMap<>();
    private final Map<String, Object> memo = new java.util.HashMap<>();

    public Submission(String project, DisclosurePolicy policy, EngineLimits limits, RuleSet rules,
                      TableHistory history, Set<String> datasets) {
        this.project = project;
        this.policy = policy;
        this.limits = limits;
        this.rules = rules;
        this.history = history;
        this.datasets = datasets == null ? null : Set.copyOf(datasets);
        List<NamedPattern> compiled = new ArrayList<>();
        for (IdentifierPattern p : policy.identifierPatterns()) {
            compiled.add(new NamedPattern(p.name(), Pattern.compile(p.pattern())));
        }
        this.patterns = List.copyOf(compiled);
    }

    public String project() {
        return project;
    }

    public DisclosurePolicy policy() {
        return policy;
    }

    public EngineLimits limits() {
        return limits;
    }

    public RuleSet rules() {
        return rules;
    }

    public TableHistory history() {
        return history;
    }

    /**
     * The datasets approved for the project (current or past), as the orchestrator lists them; null when they could
     * not be learned (earlier releases are then not consulted, which the differencing rule reports).
     */
    public Set<String> datasets() {
        return datasets;
    }

    /** The policy's custom identifier patterns, compiled once for the submission. */
    public List<NamedPattern> patterns() {
        return patterns;
    }

    /** A value computed once per submission (a parsed evidence file) and shared by the rules that need it. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        if (!memo.containsKey(key)) {
            memo.put(key, compute.get());
        }
        return (T) memo.get(key);
    }

    public FileState add(CheckedFile file) {
        FileState state = new FileState(file);
        files.put(file.fileId(), state);
        return state;
    }

    public List<FileState> files() {
        return List.copyOf(files.values());
    }

    public Set<String> fileIds() {
        return files.keySet();
    }

    /** The file of this submission whose name (or path ending) is {@code name}. */
    public Optional<FileState> byName(String name) {
        String wanted = baseName(name);
        FileState loose = null;
        for (FileState state : files.values()) {
            if (state.file().name().equals(name)) {
                return Optional.of(state);
            }
            if (loose == null && baseName(state.file().name()).equals(wanted)) {
                loose = state;
            }
        }
        return Optional.ofNullable(loose);
    }

    public static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    public record NamedPattern(String name, Pattern pattern) {
    }

    /** One file and what checking it produced. */
    public static final class FileState {
        private final CheckedFile file;
        private FileType type;
        private Findings findings;
        private FileRun run;

        FileState(CheckedFile file) {
            this.file = file;
        }

        public CheckedFile file() {
            return file;
        }

        /** Null when the content is none of the understood types. */
        public FileType type() {
            return type;
        }

        public Findings findings() {
            return findings;
        }

        public FileRun run() {
            return run;
        }

        public void started(FileType detected, Findings fileFindings, FileRun fileRun) {
            this.type = detected;
            this.findings = fileFindings;
            this.run = fileRun;
        }
    }
}
