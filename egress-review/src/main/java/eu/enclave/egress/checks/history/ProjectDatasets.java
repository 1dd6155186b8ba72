package eu.enclave.egress.checks.history;

import java.util.Set;

/**
 * The datasets approved for a project, current or ended (egress-review asks the orchestrator). May throw when they
 * cannot be learned: earlier releases are then not consulted and the tables say so.
 */
@FunctionalInterface
public interface ProjectDatasets {

    Set<String> of(String project);
}
