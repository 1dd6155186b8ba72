package eu.enclave.orchestrator.secret;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's authenticated session with Vault. Logs in on first use; renews the token at two thirds of
 * its TTL ({@link #renewIfDue()}, called on a schedule); when Vault answers 403 to a call (token revoked or
 * expired) logs in once more and retries that call once. Every failure becomes a {@link SecretStoreUnavailable}
 * naming the reason. Only idempotent operations are passed to {@link #call}, so a retry changes nothing twice.
 */
public final class VaultSession {

    private static final Logger log = LoggerFactory.getLogger(VaultSession.class);

    /** One call to Vault, given the clients of the current token. */
    @FunctionalInterface
    public interface VaultCall<T> {
        T apply(Clients clients) throws VaultException;
    }

    /** {@code kv} rewrites paths for KV version 2; {@code plain} sends them as they are (see {@link VaultEndpoint}). */
    public record Clients(Vault kv, Vault plain) {
    }

    /** What a renewal check did, for tests and logs. */
    public enum Renewal { NOT_DUE, RENEWED, LOGGED_IN_AGAIN, FAILED }

    private final VaultEndpoint endpoint;
    private final VaultLogin login;
    private final Clock clock;
    private VaultToken token;
    private Clients clients;

    VaultSession(VaultEndpoint endpoint, VaultLogin login, Clock clock) {
        this.endpoint = endpoint;
        this.login = login;
        this.clock = clock;
    }

    public String address() {
        return endpoint.address();
    }

    public String describe() {
        return "Vault at " + endpoint.address() + (endpoint.namespace() == null ? "" : ", namespace "
                + endpoint.namespace()) + ", logging in with " + login.describe();
    }

    /** Runs {@code call}; on a 403, logs in again and runs it once more. */
    public <T> T call(String what, VaultCall<T> call) {
        Clients used = null;
        try {
            used = current();
            return call.apply(used);
        } catch (VaultException e) {
            if (e.getHttpStatusCode() != 403 || used == null) {
                throw unavailable(what, e);
            }
            log.info("Vault refused the token during '{}'; logging in again ({})", what, login.describe());
        }
        try {
            return call.apply(logInAgain(used));
        } catch (VaultException e) {
            throw unavailable(what, e);
        }
    }

    /** Renews the token when two thirds of its TTL have passed, or logs in again when it cannot be renewed. */
    public synchronized Renewal renewIfDue() {
        if (token == null || !token.expires() || clock.instant().isBefore(token.renewAt())) {
            return Renewal.NOT_DUE;
        }
        if (token.renewable()) {
            try {
                AuthResponse renewed = VaultResponses.require(clients.plain().auth().renewSelf(), "renew the token");
                token = new VaultToken(token.value(), clock.instant(),
                        Duration.ofSeconds(renewed.getAuthLeaseDuration()), renewed.isAuthRenewable());
                log.debug("Vault token renewed for {}", token.ttl());
                return Renewal.RENEWED;
            } catch (VaultException e) {
                log.warn("Renewing the Vault token failed ({}); logging in again",
                        VaultResponses.reason(e, endpoint.address()));
            }
        }
        try {
            logIn();
            return Renewal.LOGGED_IN_AGAIN;
        } catch (VaultException e) {
            log.warn("Logging in to Vault again failed: {}; the next check retries",
                    VaultResponses.reason(e, endpoint.address()));
            return Renewal.FAILED;
        }
    }

    private synchronized Clients current() throws VaultException {
        if (clients == null) {
            logIn();
        }
        return clients;
    }

    /** Logs in again unless another thread has already replaced the refused token. */
    private synchronized Clients logInAgain(Clients refused) throws VaultException {
        if (clients == refused) {
            logIn();
        }
        return clients;
    }

    private void logIn() throws VaultException {
        VaultToken fresh = login.logIn(endpoint, clock);
        clients = new Clients(endpoint.kvClient(fresh.value()), endpoint.plainClient(fresh.value()));
        token = fresh;
        log.info("Logged in to Vault at {} with {}: token TTL {}{}", endpoint.address(), login.describe(),
                fresh.expires() ? fresh.ttl() : "unlimited", fresh.renewable() ? ", renewable" : "");
    }

    private SecretStoreUnavailable unavailable(String what, VaultException e) {
        String reason = VaultResponses.reason(e, endpoint.address());
        log.warn("Vault call '{}' failed: {}", what, reason);
        return new SecretStoreUnavailable(reason);
    }
}
