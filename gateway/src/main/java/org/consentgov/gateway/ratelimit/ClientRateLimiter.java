package org.consentgov.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client (bucket4j): {@code burst} requests at once, refilled at
 * {@code requestsPerPeriod} per {@code period}. The map of buckets is bounded; the least recently seen
 * client is forgotten first, which only ever gives it a fresh, full bucket.
 */
public class ClientRateLimiter {

    /** Whether the request may go on, and if not, when the client may try again. */
    public record Decision(boolean allowed, long retryAfterSeconds, long remaining) {}

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

    public Decision tryConsume(String client) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, k -> newBucket());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0, probe.getRemainingTokens());
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds, 0);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(requestsPerPeriod, period)
                        .build())
                .build();
    }
}
