package eu.enclave.orchestrator.cluster.apply;

import java.time.Duration;

/** Waits between attempts; tests pass one that only records the waits. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
