package eu.enclave.orchestrator.workspace;

/**
 * A request for a workspace, as the API and the portal form give it.
 *
 * @param size null, or with nulls, for the template's default size
 */
public record NewWorkspace(String name, String template, SizeInput size) {

    /** Each part may be left out (null) for the template's default. */
    public record SizeInput(String cpu, String memory, Integer gpus) {
    }
}
