package eu.enclave.orchestrator.cluster.leader;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link LeaseNamespaceMissing} into a startup report that says what to create or grant. */
class LeaseNamespaceFailureAnalyzer extends AbstractFailureAnalyzer<LeaseNamespaceMissing> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LeaseNamespaceMissing cause) {
        return new FailureAnalysis(cause.getMessage() + ".", cause.action(), cause);
    }
}
