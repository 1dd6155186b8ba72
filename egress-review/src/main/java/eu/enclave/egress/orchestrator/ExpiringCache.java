package eu.enclave.egress.orchestrator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers kept for a fixed time from when they were fetched, on an injectable clock. Bounded: past
 * {@code maxEntries} the expired entries go, and if that is not enough, all of them (a burst of distinct keys, such
 * as guessed tokens, must not grow the heap).
 */
final class ExpiringCache<K, V> {

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    ExpiringCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** The fresh cached value, else {@code load}'s (which is then kept); a failing load keeps nothing. */
    V get(K key, Function<K, V> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.fetchedAt().plus(ttl)) && !now.isBefore(entry.fetchedAt())) {
            return entry.value();
        }
        V value = load.apply(key);
        put(key, value, now);
        return value;
    }

    /** Keeps a value fetched now, replacing any older one. */
    void put(K key, V value) {
        put(key, value, clock.instant());
    }

    void invalidate(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    private void put(K key, V value, Instant fetchedAt) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.fetchedAt().plus(ttl)));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, fetchedAt));
    }

    private record Entry<V>(V value, Instant fetchedAt) {
    }
}
