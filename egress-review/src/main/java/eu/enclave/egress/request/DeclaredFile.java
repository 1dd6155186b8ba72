package eu.enclave.egress.request;

/** A file announced in a draft before its bytes arrive: what its upload will be filed as. */
public record DeclaredFile(String name, String group, String description, boolean supporting) {
}
