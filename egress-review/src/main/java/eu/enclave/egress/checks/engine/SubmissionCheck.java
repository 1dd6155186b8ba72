package eu.enclave.egress.checks.engine;

/**
 * Relates files of one submission to each other (an ACRO results file and the outputs it lists, a table and its
 * contributor evidence). Runs after every file has been read on its own.
 */
public interface SubmissionCheck extends Check {

    void check(Submission submission);
}
