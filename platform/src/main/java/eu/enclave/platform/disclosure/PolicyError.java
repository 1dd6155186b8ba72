package eu.enclave.platform.disclosure;

/** One reason a policy (or a part of one) is not acceptable, naming the field as the API spells it. */
public record PolicyError(String field, String reason) {
}
