package eu.enclave.orchestrator.support;

import java.time.ZoneId;

/** The orchestrator tests' name for the platform's {@link eu.enclave.platform.testing.MutableClock}. */
public final class MutableClock extends eu.enclave.platform.testing.MutableClock {

    public MutableClock(ZoneId zone) {
        super(zone);
    }
}
