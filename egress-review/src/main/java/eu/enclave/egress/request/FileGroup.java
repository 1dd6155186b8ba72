package eu.enclave.egress.request;

/**
 * A group of a request's files, released under {@code outputs/<name>/}: with the context a reviewer needs and the
 * disclosure controls the researcher applied, both required before submission.
 */
public record FileGroup(String name, String context, String controls, int position) {

    public boolean describedForReview() {
        return !context.isBlank() && !controls.isBlank();
    }
}
