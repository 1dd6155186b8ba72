package eu.enclave.platform.startup;

import java.util.Optional;

/**
 * Something a service wants the person who started it to know at once, printed in the startup report (for instance,
 * that nothing is being applied to the cluster and why). Empty when there is nothing to say.
 */
@FunctionalInterface
public interface StartupNotice {

    Optional<String> notice();
}
