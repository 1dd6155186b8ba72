package eu.enclave.egress.orchestrator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the orchestrator's internal API is (docs/internal-api.md) and how its answers are kept.
 *
 * @param internalUrl    base URL of the internal listener (8083), never behind the ingress
 * @param credentialFile the service credential: egress-review sends the file's first line
 * @param cacheTtl       how long an answer is reused (at most 10 s: a stopped workspace's token must fail within
 *                       30 s end to end); {@code PT0S} asks every time
 * @param timeout        per call, connection included
 */
@ConfigurationProperties("enclave.orchestrator")
public record OrchestratorSettings(URI internalUrl, Path credentialFile, Duration cacheTtl, Duration timeout) {

    public static final Duration MAX_CACHE_TTL = Duration.ofSeconds(10);

    public OrchestratorSettings {
        internalUrl = internalUrl == null ? URI.create("http://localhost:8083") : internalUrl;
        credentialFile = credentialFile == null || credentialFile.toString().isBlank() ? null : credentialFile;
        cacheTtl = cacheTtl == null ? MAX_CACHE_TTL : cacheTtl;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("enclave.orchestrator.cache-ttl must be between PT0S and PT10S, was "
                    + cacheTtl);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("enclave.orchestrator.timeout must be positive, was " + timeout);
        }
        String scheme = internalUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("enclave.orchestrator.internal-url must be an http(s) URL, was "
                    + internalUrl);
        }
    }
}
