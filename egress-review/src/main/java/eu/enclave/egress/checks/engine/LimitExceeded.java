package eu.enclave.egress.checks.engine;

/**
 * A reader went past one of its limits (size, time, entries, pages, cells) or met content it cannot read: the
 * file gets {@code review} with this reason, in both languages, never a crash and never a pass.
 *
 * @see EngineLimits
 */
public class LimitExceeded extends RuntimeException {

    private final String limit;
    private final String reasonFr;

    public LimitExceeded(String limit, String reasonEn, String reasonFr) {
        super(reasonEn);
        this.limit = limit;
        this.reasonFr = reasonFr;
    }

    /** Which limit: {@code time}, {@code size}, {@code entries}, {@code pages}, {@code cells}, {@code format}... */
    public String limit() {
        return limit;
    }

    public String reasonEn() {
        return getMessage();
    }

    public String reasonFr() {
        return reasonFr;
    }
}
