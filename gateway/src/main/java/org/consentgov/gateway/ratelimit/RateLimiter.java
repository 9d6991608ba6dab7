package org.consentgov.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.CompletableFuture;

/**
 * A token bucket per client: where the buckets live is the only difference between the implementations, this
 * gateway's memory ({@link ClientRateLimiter}, one gateway) or a Redis that every gateway shares
 * ({@link RedisRateLimiter}, several replicas: {@code GATEWAY_RATE_LIMIT_STORE=redis}).
 */
public interface RateLimiter extends AutoCloseable {

    /** Whether the request may go on, and if not, when the client may try again. */
    record Decision(boolean allowed, long retryAfterSeconds, long remaining) {

        static Decision of(ConsumptionProbe probe) {
            if (probe.isConsumed()) {
                return new Decision(true, 0, probe.getRemainingTokens());
            }
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return new Decision(false, seconds, 0);
        }
    }

    /** Takes one request from the client's bucket; completed at once when the buckets are in memory. */
    CompletableFuture<Decision> tryConsume(String client);

    @Override
    default void close() {}
}
