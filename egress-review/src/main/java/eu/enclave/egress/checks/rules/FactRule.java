package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FactCheck;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.platform.disclosure.FileType;
import java.util.Map;
import java.util.Set;

/** A rule that turns structural facts into findings through a table: kind → status and message. */
abstract class FactRule implements FactCheck {

    /** What a fact of one kind means; {@code %s} in the messages is the fact's detail. */
    record Meaning(CheckStatus status, String en, String fr) {
    }

    private final String id;
    private final Set<FileType> types;
    private final Map<Fact.Kind, Meaning> meanings;

    FactRule(String id, Set<FileType> types, Map<Fact.Kind, Meaning> meanings) {
        this.id = id;
        this.types = types;
        this.meanings = meanings;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return Types.in(types, type);
    }

    @Override
    public boolean handles(Fact.Kind kind) {
        return meanings.containsKey(kind);
    }

    @Override
    public void judge(Fact fact, FileRun run) {
        Meaning meaning = meanings.get(fact.kind());
        CheckStatus status = status(fact, run, meaning.status());
        if (status == CheckStatus.PASS) {
            return;
        }
        String detail = fact.detail() == null ? "" : fact.detail();
        String detailFr = fact.detailFr() == null ? detail : fact.detailFr();
        run.findings().add(id, status, fact.location(), shown(detail),
                String.format(meaning.en(), detail), String.format(meaning.fr(), detailFr));
    }

    /** The status of this fact; a subclass may depend on the policy. */
    CheckStatus status(Fact fact, FileRun run, CheckStatus byTable) {
        return byTable;
    }

    private static String shown(String detail) {
        return detail.isEmpty() ? null : detail.length() > 80 ? detail.substring(0, 80) + "…" : detail;
    }
}
