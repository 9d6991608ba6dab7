package org.consentgov.platform.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified, each with what its verification gave, until the earlier of the token's own
 * expiry and a short maximum age. A token is found only by its exact text; an entry past its time is never
 * returned. Bounded: when full, expired entries are dropped, and while it is still full nothing new is kept
 * (those tokens are simply verified every time, as without the cache).
 *
 * @param <V> what a verification gave (the security identity)
 */
public final class VerifiedTokens<V> {

    private record Entry<V>(V value, Instant until) {}

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final int maxEntries;

    public VerifiedTokens(Duration maxAge, int maxEntries) {
        if (maxAge.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("maxAge and maxEntries must not be negative");
        }
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    /** What the verification of exactly this token gave, if that is still valid at {@code now}. */
    public Optional<V> find(String token, Instant now) {
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * Keeps a verified token until the earlier of {@code expiresAt} (the token's exp; null if it has none) and
     * {@code now + maxAge}. A token without expiry, or already expired, is not kept.
     */
    public void keep(String token, V value, Instant expiresAt, Instant now) {
        if (expiresAt == null || maxAge.isZero() || maxEntries == 0) {
            return;
        }
        Instant until = expiresAt.isBefore(now.plus(maxAge)) ? expiresAt : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(token, new Entry<>(value, until));
    }

    public boolean contains(String token) {
        return entries.containsKey(token);
    }

    public int size() {
        return entries.size();
    }
}
