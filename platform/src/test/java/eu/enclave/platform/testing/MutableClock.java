package eu.enclave.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock shifted by an offset that tests move forward (and must reset: contexts are shared); or, made
 * {@link #frozen}, a clock that moves only when told, for checks to the millisecond.
 */
public class MutableClock extends Clock {

    private final ZoneId zone;
    private final Instant frozenAt;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock(ZoneId zone) {
        this(zone, null);
    }

    private MutableClock(ZoneId zone, Instant frozenAt) {
        this.zone = zone;
        this.frozenAt = frozenAt;
    }

    /** A clock standing still at {@code at} until {@link #advance} moves it. */
    public static MutableClock frozen(Instant at, ZoneId zone) {
        return new MutableClock(zone, at);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        MutableClock copy = new MutableClock(other, frozenAt);
        copy.offset = offset;
        return copy;
    }

    @Override
    public Instant instant() {
        return (frozenAt == null ? Instant.now() : frozenAt).plus(offset);
    }
}
