package eu.enclave.egress.orchestrator;

/**
 * A person as the orchestrator names them: identity provider issuer and subject (the same person in both services
 * when both are equal), with what notifications and pages need.
 */
public record Person(String issuer, String subject, String username, String displayName, String email,
                     String locale) {

    public boolean sameAs(String otherIssuer, String otherSubject) {
        return issuer.equals(otherIssuer) && subject.equals(otherSubject);
    }

    public boolean sameAs(Person other) {
        return sameAs(other.issuer, other.subject);
    }
}
