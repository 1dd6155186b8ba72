package eu.enclave.orchestrator.template;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue cannot be loaded: the startup fails and names every error found, not only the first. */
public class InvalidTemplateCatalogue extends RuntimeException {

    private final transient List<DescriptorError> errors;

    public InvalidTemplateCatalogue(String location, List<DescriptorError> errors) {
        super("The workspace template catalogue at " + location + " is invalid (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "):" + errors.stream().map(e -> "\n  - " + e)
                .collect(Collectors.joining()));
        this.errors = List.copyOf(errors);
    }

    public List<DescriptorError> errors() {
        return errors;
    }
}
