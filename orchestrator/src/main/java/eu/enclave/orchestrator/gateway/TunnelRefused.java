package eu.enclave.orchestrator.gateway;

/** A tunnel that may not open; thrown before any byte goes to guacd. */
public class TunnelRefused extends RuntimeException {

    private final Refusal refusal;

    public TunnelRefused(Refusal refusal, String detail) {
        super(detail == null ? refusal.message() : refusal.message() + " " + detail);
        this.refusal = refusal;
    }

    public TunnelRefused(Refusal refusal) {
        this(refusal, null);
    }

    public Refusal refusal() {
        return refusal;
    }
}
