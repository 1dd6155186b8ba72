package eu.enclave.orchestrator.workspace.web;

import eu.enclave.orchestrator.workspace.NewWorkspace;

/** The portal's creation form; empty size fields mean the template's default. */
public record WorkspaceForm(String name, String template, String cpu, String memory, Integer gpus)
        implements java.io.Serializable {

    NewWorkspace toRequest() {
        return new NewWorkspace(name == null ? null : name.strip(), template,
                new NewWorkspace.SizeInput(blankToNull(cpu), blankToNull(memory), gpus));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
