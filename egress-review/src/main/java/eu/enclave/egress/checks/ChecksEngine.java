package eu.enclave.egress.checks;

import eu.enclave.egress.checks.engine.Deadline;
import eu.enclave.egress.checks.engine.EngineLimits;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileCheck;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.Findings;
import eu.enclave.egress.checks.engine.IdentifierDigest;
import eu.enclave.egress.checks.engine.LimitExceeded;
import eu.enclave.egress.checks.engine.RuleSet;
import eu.enclave.egress.checks.engine.Submission;
import eu.enclave.egress.checks.engine.SubmissionCheck;
import eu.enclave.egress.checks.engine.Ticker;
import eu.enclave.egress.checks.formats.Readers;
import eu.enclave.egress.checks.history.DifferencingRule;
import eu.enclave.egress.checks.history.ProjectDatasets;
import eu.enclave.egress.checks.history.TableHistory;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The automated disclosure checks: detects each file's type from its content, reads it with the reader of that
 * type under the limits, lets every rule of {@link RuleRegistry} look at it, then relates the files of the
 * submission (ACRO results, contributor evidence, earlier releases). A library: no Spring, no web (an ArchUnit
 * rule keeps it so); egress-review wires it as its {@link OutputChecker}.
 *
 * <p>Each file runs on a worker thread under two guards: the readers check the deadline as they go, and a file
 * still running past its limit and a grace period is abandoned with {@code review} (its thread interrupted), so
 * that a parser stuck without reading cannot hold the caller either.
 */
public final class ChecksEngine implements OutputChecker {

    /** Bumped whenever a rule or a default changes what a file gets; recorded with every result. */
    public static final String VERSION = "enclave-checks/1.0.0";
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(ChecksEngine.class.getName());

    private final EngineLimits limits;
    private final IdentifierDigest digest;
    private final TableHistory history;
    private final ProjectDatasets datasets;
    private final Ticker ticker;
    private final RuleSet rules = RuleRegistry.ruleSet();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "checks-worker");
        thread.setDaemon(true);
        return thread;
    });

    public ChecksEngine(EngineLimits limits, IdentifierDigest digest, TableHistory history, ProjectDatasets datasets,
                        Ticker ticker) {
        this.limits = limits;
        this.digest = digest;
        this.history = history;
        this.datasets = datasets;
        this.ticker = ticker;
    }

    @Override
    public Map<String, FileCheckResult> check(String project, List<CheckedFile> files, DisclosurePolicy policy,
                                              String policyHash) {
        Submission submission = new Submission(project, policy, limits, rules, history, datasetsOf(project));
        for (CheckedFile file : files) {
            submission.add(file);
        }
        Map<String, Findings> abandoned = new LinkedHashMap<>();
        for (Submission.FileState state : submission.files()) {
            Findings timedOut = guarded(submission, state);
            if (timedOut != null) {
                abandoned.put(state.file().fileId(), timedOut);
            }
        }
        for (SubmissionCheck check : rules.submission()) {
            try {
                check.check(submission);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "submission rule " + check.id() + " failed", e);
                for (Submission.FileState state : submission.files()) {
                    if (state.run() != null && check.appliesTo(state.type())) {
                        state.run().fact(Fact.Kind.UNREADABLE, Location.FILE, "rule " + check.id() + " failed",
                                "la règle " + check.id() + " a échoué");
                    }
                }
            }
        }
        record(submission);
        Map<String, FileCheckResult> results = new LinkedHashMap<>();
        for (Submission.FileState state : submission.files()) {
            Findings findings = abandoned.getOrDefault(state.file().fileId(), state.findings());
            FileRun run = state.run();
            results.put(state.file().fileId(), new FileCheckResult(findings.worst(),
                    state.type() == null ? "unknown" : state.type().id(),
                    run == null ? List.of() : List.copyOf(run.rulesRun()), findings.all(), VERSION, policyHash,
                    findings.verifiedDirectIdentifier()));
        }
        return results;
    }

    /** Checks one file on a worker; returns the findings to report instead when it had to be abandoned. */
    private Findings guarded(Submission submission, Submission.FileState state) {
        Future<?> work = workers.submit(() -> checkFile(submission, state));
        try {
            work.get(limits.fileTime().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            work.cancel(true);
            Findings findings = new Findings(limits.maxFindingsPerRule(), digest);
            findings.add(new Finding(eu.enclave.egress.checks.rules.UnreadableRule.ID, CheckStatus.REVIEW,
                    Location.FILE, null, null, "Not checked: checking took longer than "
                    + limits.fileTime().plus(GRACE).toSeconds() + " s and was abandoned. It cannot be checked "
                    + "automatically.", "Non vérifié : la vérification a dépassé "
                    + limits.fileTime().plus(GRACE).toSeconds() + " s et a été abandonnée. Il ne peut pas être "
                    + "vérifié automatiquement."));
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the checks engine failed on " + state.file().fileId(), e.getCause());
        }
    }

    private void checkFile(Submission submission, Submission.FileState state) {
        CheckedFile file = state.file();
        Findings findings = new Findings(limits.maxFindingsPerRule(), digest);
        Deadline deadline = new Deadline(ticker, limits.fileTime());
        try (Readers.Input input = Readers.input(file, deadline, limits)) {
            FileType type = input.type();
            FileRun run = FileRun.start(submission, file, type, findings, deadline);
            state.started(type, findings, run);
            rules.markApplicable(type, run.rulesRun());
            run.text(file.name(), Location.FILE);
            for (FileCheck check : rules.file()) {
                check.check(type, run);
            }
            if (type != null && submission.policy().allowedTypes().contains(type)) {
                Readers.read(type, input, run);
            }
        } catch (java.io.IOException e) {
            unreadable(submission, state, findings, deadline, "it could not be read (" + e.getMessage() + ")",
                    "il n'a pas pu être lu (" + e.getMessage() + ")");
        } catch (LimitExceeded e) {
            unreadable(submission, state, findings, deadline, e.reasonEn(), e.reasonFr());
        }
    }

    private static void unreadable(Submission submission, Submission.FileState state, Findings findings,
                                   Deadline deadline, String en, String fr) {
        if (state.run() == null) {
            state.started(null, findings, FileRun.start(submission, state.file(), null, findings, deadline));
        }
        state.run().fact(Fact.Kind.UNREADABLE, Location.FILE, en, fr);
    }

    private Set<String> datasetsOf(String project) {
        try {
            return datasets.of(project);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the datasets of project " + project + " could not be learned: " + e);
            return null;
        }
    }

    private void record(Submission submission) {
        if (submission.datasets() == null) {
            return;
        }
        Set<String> scope = DifferencingRule.scope(submission);
        for (Submission.FileState state : submission.files()) {
            if (state.run() == null || state.run().tables().isEmpty() || state.file().supporting()) {
                continue;
            }
            try {
                history.record(submission.project(), scope, state.file().fileId(), state.file().name(),
                        state.run().tables());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the tables of " + state.file().fileId() + " could not be indexed", e);
            }
        }
    }

    @Override
    public String detectType(byte[] head) {
        FileType type = eu.enclave.egress.checks.formats.TypeDetector.detect(head);
        return type == null ? "unknown" : type.id();
    }

    @Override
    public List<Finding> screenText(String text, DisclosurePolicy policy) {
        Submission submission = new Submission("", policy, limits, rules, TableHistory.NONE, Set.of());
        CheckedFile field = new CheckedFile("text", "", "", text.length(), false,
                () -> new java.io.ByteArrayInputStream(new byte[0]));
        Findings findings = new Findings(limits.maxFindingsPerRule(), digest);
        FileRun run = FileRun.start(submission, field, FileType.TEXT, findings, new Deadline(ticker, limits.fileTime()));
        run.text(text, Location.FILE);
        return findings.all();
    }

    @Override
    public String engineVersion() {
        return VERSION;
    }

    /** The rules, for documentation and tests. */
    public RuleSet rules() {
        return rules;
    }
}
