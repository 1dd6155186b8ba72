package eu.enclave.platform.disclosure;

import java.util.List;
import java.util.stream.Collectors;

/** A policy text or value that cannot be used, with every reason. */
public class InvalidPolicy extends RuntimeException {

    private final transient List<PolicyError> errors;

    public InvalidPolicy(List<PolicyError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
