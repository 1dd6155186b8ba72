package eu.enclave.orchestrator.project;

/** The rule every project slug follows: it becomes part of Kubernetes names, so it must be a DNS-1123 label. */
public final class Slugs {

    public static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    public static final String DNS_LABEL_REASON =
            "must be lower-case letters, digits and '-', starting and ending with a letter or digit";

    private Slugs() {
    }
}
