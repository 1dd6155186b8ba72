package eu.enclave.orchestrator.template;

/**
 * Why a template descriptor cannot be used.
 *
 * @param source where the descriptor was read (a file path or a class path resource)
 * @param field  the field at fault, dotted ({@code resources.maximum.cpu}), or {@code (file)} for the whole file
 * @param reason what is wrong, in words an operator can act on
 */
public record DescriptorError(String source, String field, String reason) {

    public static final String WHOLE_FILE = "(file)";

    @Override
    public String toString() {
        return source + ": " + field + ": " + reason;
    }
}
