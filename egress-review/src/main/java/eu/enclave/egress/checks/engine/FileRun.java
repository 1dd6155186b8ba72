package eu.enclave.egress.checks.engine;

import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableShape;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a reader and a rule share while one file (or one archive member) is checked: the policy, the limits
 * and deadline, the findings, the rules, and where in the file it is. A member's run shares its archive's findings
 * and deadline and prefixes every location with the member's path.
 */
public final class FileRun {

    private final Submission submission;
    private final CheckedFile file;
    private final String member;
    private final FileType type;
    private final Findings findings;
    private final Deadline deadline;
    private final Set<String> rulesRun;
    private final List<TableShape> tables;
    private final int depth;

    FileRun(Submission submission, CheckedFile file, String member, FileType type, Findings findings,
            Deadline deadline, Set<String> rulesRun, List<TableShape> tables, int depth) {
        this.submission = submission;
        this.file = file;
        this.member = member;
        this.type = type;
        this.findings = findings;
        this.deadline = deadline;
        this.rulesRun = rulesRun;
        this.tables = tables;
        this.depth = depth;
    }

    public static FileRun start(Submission submission, CheckedFile file, FileType type, Findings findings,
                                Deadline deadline) {
        return new FileRun(submission, file, null, type, findings, deadline, new LinkedHashSet<>(), new ArrayList<>(),
                0);
    }

    /** The run of an archive member of the given type: same findings and deadline, locations inside the member. */
    public FileRun member(String path, FileType memberType) {
        String full = member == null ? path : member + "/" + path;
        FileRun run = new FileRun(submission, file, full, memberType, findings, deadline, rulesRun, tables, depth + 1);
        submission.rules().markApplicable(memberType, rulesRun);
        return run;
    }

    public Submission submission() {
        return submission;
    }

    public CheckedFile file() {
        return file;
    }

    /** The archive member being read, or null at the top of the file. */
    public String member() {
        return member;
    }

    /** The name shown for this part: the member's path, else the file's name. */
    public String displayName() {
        return member != null ? member : file.name();
    }

    public FileType type() {
        return type;
    }

    /** Archives inside archives are not opened (a member of depth 1 that is an archive is reported). */
    public int depth() {
        return depth;
    }

    public DisclosurePolicy policy() {
        return submission.policy();
    }

    public EngineLimits limits() {
        return submission.limits();
    }

    public Deadline deadline() {
        return deadline;
    }

    public Findings findings() {
        return findings;
    }

    public Set<String> rulesRun() {
        return rulesRun;
    }

    public List<TableShape> tables() {
        return tables;
    }

    public RuleSet rules() {
        return submission.rules();
    }

    /** {@code location} inside this run's member, if any. */
    public Location at(Location location) {
        return member == null ? location : location.inMember(member);
    }

    /** Hands a piece of text to every text rule. */
    public void text(CharSequence text, Location location) {
        if (text.length() == 0) {
            return;
        }
        TextSignals signals = TextSignals.of(text);
        Location where = null;
        for (TextCheck check : submission.rules().text()) {
            if (check.wants(signals)) {
                where = where == null ? at(location) : where;
                check.inspect(text, where, this);
            }
        }
    }

    /** Reports a structural fact to the rules that judge it. */
    public void fact(Fact.Kind kind, Location location, String detail) {
        fact(kind, location, detail, detail);
    }

    /** A fact whose detail is a sentence, in English and in French. */
    public void fact(Fact.Kind kind, Location location, String detail, String detailFr) {
        Fact fact = new Fact(kind, at(location), detail, detailFr);
        for (FactCheck check : submission.rules().facts()) {
            if (check.handles(kind)) {
                check.judge(fact, this);
            }
        }
    }

    /**
     * The table rules; none for a contributor-evidence file, whose rows are individual contributions kept for the
     * dominance rules of another table and never released (its text is still screened for identifiers).
     */
    public List<TableCheck> tableChecks() {
        if (file.supporting() && eu.enclave.egress.checks.table.ContributorEvidence.isEvidenceName(file.name())) {
            return List.of();
        }
        return submission.rules().tables();
    }

    /** A temporary file for a reader that needs random access; the caller deletes it. */
    public Path tempFile(String suffix) throws IOException {
        Path dir = limits().tempDirectory();
        return dir == null ? Files.createTempFile("enclave-check-", suffix)
                : Files.createTempFile(dir, "enclave-check-", suffix);
    }
}
