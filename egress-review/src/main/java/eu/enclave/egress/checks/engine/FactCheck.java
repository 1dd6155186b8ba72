package eu.enclave.egress.checks.engine;

/** Judges the structural facts that readers report (hidden content, metadata, archive members). */
public interface FactCheck extends Check {

    boolean handles(Fact.Kind kind);

    void judge(Fact fact, FileRun run);
}
