package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FactCheck;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.platform.disclosure.FileType;

/**
 * A reader stopped before the end: a limit of docs/checks.md (time, size, members, pages, cells) or content it
 * cannot parse (truncated, malformed, encrypted). What was read was checked; the rest needs a person: {@code review}
 * with the reason.
 */
public final class UnreadableRule implements FactCheck {

    public static final String ID = "content.unreadable";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return true;
    }

    @Override
    public boolean handles(Fact.Kind kind) {
        return kind == Fact.Kind.UNREADABLE;
    }

    @Override
    public void judge(Fact fact, FileRun run) {
        run.findings().add(ID, CheckStatus.REVIEW, fact.location(), null,
                "Not checked to the end: " + fact.detail() + ". It cannot be checked automatically.",
                "Non vérifié jusqu'au bout : " + fact.detailFr() + ". Il ne peut pas être vérifié automatiquement.");
    }
}
