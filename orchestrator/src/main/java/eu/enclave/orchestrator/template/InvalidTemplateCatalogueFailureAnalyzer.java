package eu.enclave.orchestrator.template;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an invalid catalogue as a list of errors to fix, instead of a stack trace. */
class InvalidTemplateCatalogueFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTemplateCatalogue> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTemplateCatalogue cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the descriptors named above (format: workspace-templates/"
                + "README.md), or point enclave.templates.location at a valid folder.", cause);
    }
}
