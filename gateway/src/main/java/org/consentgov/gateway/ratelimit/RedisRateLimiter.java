package org.consentgov.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * The per-client limit shared by every gateway that names the same Redis ({@code GATEWAY_RATE_LIMIT_STORE=redis}):
 * N replicas together allow a client what one gateway would, not N times that. The buckets are bucket4j's, kept
 * in Redis by {@link VertxRedisProxyManager}; each key is the prefix and the client, and expires once its bucket
 * would be full again.
 *
 * <p>When Redis does not answer in time (down, unreachable, slow), the request is decided by this gateway's own
 * buckets instead ({@link ClientRateLimiter}, the one-gateway limit): clients stay limited, per replica, and no
 * request waits on Redis for longer than the timeout. Each such decision is counted ({@link #fallbacks()}) and
 * logged at most once a minute.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Redis redis;
    private final AsyncProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final ClientRateLimiter fallback;
    private final String prefix;
    private final LongAdder fallbacks = new LongAdder();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public RedisRateLimiter(
            Vertx vertx,
            String redisUrl,
            String prefix,
            Duration timeout,
            long requestsPerPeriod,
            Duration period,
            long burst,
            int maxClients) {
        this.redis = Redis.createClient(
                vertx, new RedisOptions().setConnectionString(redisUrl).setMaxPoolWaiting(1024));
        this.buckets = new VertxRedisProxyManager(
                        redis,
                        ClientSideConfig.getDefault()
                                .withRequestTimeout(timeout)
                                .withExpirationAfterWriteStrategy(
                                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                                Duration.ofSeconds(10))))
                .asAsync();
        this.configuration = BucketConfiguration.builder()
                .addLimit(ClientRateLimiter.bandwidth(requestsPerPeriod, period, burst))
                .build();
        this.fallback = new ClientRateLimiter(requestsPerPeriod, period, burst, maxClients);
        this.prefix = prefix;
    }

    @Override
    public CompletableFuture<Decision> tryConsume(String client) {
        CompletableFuture<Decision> decided;
        try {
            decided = buckets.builder()
                    .build(prefix + client, () -> CompletableFuture.completedFuture(configuration))
                    .tryConsumeAndReturnRemaining(1)
                    .thenApply(Decision::of);
        } catch (RuntimeException e) {
            decided = CompletableFuture.failedFuture(e);
        }
        return decided.exceptionally(failure -> {
            fallbacks.increment();
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warnf(
                        "the shared rate limit's Redis did not answer (%s); this gateway limits each client on its"
                                + " own until it does",
                        failure.getMessage());
            }
            return fallback.decide(client);
        });
    }

    /** How many requests were decided by this gateway's own buckets because Redis did not answer. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    @Override
    public void close() {
        redis.close();
    }
}
