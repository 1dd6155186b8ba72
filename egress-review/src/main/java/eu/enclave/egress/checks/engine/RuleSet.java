package eu.enclave.egress.checks.engine;

import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.platform.disclosure.FileType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules of the registry sorted by kind, as readers call them. */
public final class RuleSet {

    private final List<Check> all;
    private final List<FileCheck> file = new ArrayList<>();
    private final List<TextCheck> text = new ArrayList<>();
    private final List<TableCheck> tables = new ArrayList<>();
    private final List<FactCheck> facts = new ArrayList<>();
    private final List<SubmissionCheck> submission = new ArrayList<>();

    public RuleSet(List<Check> checks) {
        this.all = List.copyOf(checks);
        for (Check check : checks) {
            boolean known = false;
            if (check instanceof FileCheck c) {
                file.add(c);
                known = true;
            }
            if (check instanceof TextCheck c) {
                text.add(c);
                known = true;
            }
            if (check instanceof TableCheck c) {
                tables.add(c);
                known = true;
            }
            if (check instanceof FactCheck c) {
                facts.add(c);
                known = true;
            }
            if (check instanceof SubmissionCheck c) {
                submission.add(c);
                known = true;
            }
            if (!known) {
                throw new IllegalArgumentException(check.id() + " is of no known kind of check");
            }
        }
    }

    public List<Check> all() {
        return all;
    }

    public List<FileCheck> file() {
        return file;
    }

    public List<TextCheck> text() {
        return text;
    }

    public List<TableCheck> tables() {
        return tables;
    }

    public List<FactCheck> facts() {
        return facts;
    }

    public List<SubmissionCheck> submission() {
        return submission;
    }

    /** Adds the ids of the rules that run on {@code type} to {@code rulesRun}. */
    public void markApplicable(FileType type, Set<String> rulesRun) {
        for (Check check : all) {
            if (check.appliesTo(type)) {
                rulesRun.add(check.id());
            }
        }
    }
}
