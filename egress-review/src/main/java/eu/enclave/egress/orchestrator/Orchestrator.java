package eu.enclave.egress.orchestrator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What egress-review asks the orchestrator, with answers reused for at most the configured TTL (≤ 10 s), on an
 * injectable clock. Egress-review keeps no copy of projects or memberships: every decision reads them here, and
 * fails closed ({@link OrchestratorUnavailable}, 503) when the orchestrator cannot answer.
 *
 * <p>Tokens are cached by their SHA-256, never by value. Once a workspace's newer start has been seen, a cached
 * answer for an older start of that workspace is asked again, so that a new start's token ends the old one here at
 * once rather than at the cache's expiry.
 */
public class Orchestrator {

    private static final int MAX_ENTRIES = 10_000;

    private final InternalApiClient client;
    private final ExpiringCache<String, TokenIntrospection> tokens;
    private final ExpiringCache<String, SubjectRoles> roles;
    private final ExpiringCache<String, Optional<OrchestratorProject>> projects;
    private final Map<UUID, Start> latestStarts = new ConcurrentHashMap<>();

    public Orchestrator(InternalApiClient client, Clock clock, Duration ttl) {
        this.client = client;
        this.tokens = new ExpiringCache<>(clock, ttl, MAX_ENTRIES);
        this.roles = new ExpiringCache<>(clock, ttl, MAX_ENTRIES);
        this.projects = new ExpiringCache<>(clock, ttl, MAX_ENTRIES);
    }

    /** The token's introspection, from the cache when fresh. */
    public TokenIntrospection introspect(String token) {
        String key = tokenKey(token);
        TokenIntrospection answer = tokens.get(key, k -> fetch(token));
        if (answer.active() && superseded(answer)) {
            answer = fetch(token);
            tokens.put(key, answer);
        }
        return answer;
    }

    /** Asks the orchestrator now, whatever is cached (once more before an upload commits), and keeps the answer. */
    public TokenIntrospection introspectNow(String token) {
        TokenIntrospection answer = fetch(token);
        tokens.put(tokenKey(token), answer);
        return answer;
    }

    public SubjectRoles roles(String issuer, String subject) {
        return roles.get(issuer + "\n" + subject, k -> client.roles(issuer, subject));
    }

    /** The project, or empty when the orchestrator has none of that slug. */
    public Optional<OrchestratorProject> project(String slug) {
        return projects.get(slug, client::project);
    }

    /** Asks now, whatever is cached: for what is frozen on a request (policy, reviewers needed). */
    public Optional<OrchestratorProject> projectNow(String slug) {
        Optional<OrchestratorProject> project = client.project(slug);
        projects.put(slug, project);
        return project;
    }

    /** See {@link InternalApiClient#recordDeletion}; never cached. */
    public boolean recordDeletion(String slug, DeletionRecord record) {
        return client.recordDeletion(slug, record);
    }

    /** The SHA-256 of a token, in hex: how it is named in caches, rate limits and logs, never by value. */
    public static String tokenKey(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private TokenIntrospection fetch(String token) {
        TokenIntrospection answer = client.introspect(token);
        if (answer.active()) {
            latestStarts.merge(answer.workspace().id(), new Start(answer.workspace().startId(), answer.issuedAt()),
                    (old, now) -> now.issuedAt().isAfter(old.issuedAt()) ? now : old);
        }
        return answer;
    }

    private boolean superseded(TokenIntrospection answer) {
        Start latest = latestStarts.get(answer.workspace().id());
        return latest != null && !latest.startId().equals(answer.workspace().startId());
    }

    private record Start(UUID startId, Instant issuedAt) {
    }
}
