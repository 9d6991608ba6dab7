package org.consentgov.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A token bucket per client (bucket4j): {@code burst} requests at once, refilled at
 * {@code requestsPerPeriod} per {@code period}. The map of buckets is bounded; the least recently seen
 * client is forgotten first, which only ever gives it a fresh, full bucket.
 */
public class ClientRateLimiter implements RateLimiter {

    private final long requestsPerPeriod;
    private final Duration period;
    private final long burst;
    private final Map<String, Bucket> buckets;

    public ClientRateLimiter(long requestsPerPeriod, Duration period, long burst, int maxClients) {
        this.requestsPerPeriod = requestsPerPeriod;
        this.period = period;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    @Override
    public CompletableFuture<Decision> tryConsume(String client) {
        return CompletableFuture.completedFuture(decide(client));
    }

    /** Takes one request from the client's bucket in this gateway's memory. */
    public Decision decide(String client) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, k -> newBucket());
        }
        return Decision.of(bucket.tryConsumeAndReturnRemaining(1));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth(requestsPerPeriod, period, burst))
                .build();
    }

    /** {@code burst} at once, refilled greedily at {@code requestsPerPeriod} per {@code period}. */
    static Bandwidth bandwidth(long requestsPerPeriod, Duration period, long burst) {
        return Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(requestsPerPeriod, period)
                .build();
    }
}
