package eu.enclave.egress.checks.engine;

/** A source of monotonic nanoseconds; tests give one that advances as they choose. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    Ticker SYSTEM = System::nanoTime;
}
