package org.consentgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared limit against a real Redis (the one on 127.0.0.1:6379; skipped with the reason when none answers):
 * two limiters stand for two gateway replicas. Each test has keys of its own.
 */
class RedisRateLimiterTest {

    private static final String REDIS = LocalRedis.URL;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoGatewaysTogetherAllowAClientWhatOneWould() throws Exception {
        LocalRedis.assumeAnswers();
        String prefix = "test:" + UUID.randomUUID() + ":";
        try (RateLimiter a = redisLimiter(prefix, 5);
                RateLimiter b = redisLimiter(prefix, 5)) {
            int allowed = 0;
            for (int i = 0; i < 5; i++) {
                allowed += decide(i % 2 == 0 ? a : b, "client:eyes:1").allowed() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
            RateLimiter.Decision refusedAtA = decide(a, "client:eyes:1");
            RateLimiter.Decision refusedAtB = decide(b, "client:eyes:1");
            assertThat(refusedAtA.allowed()).isFalse();
            assertThat(refusedAtB.allowed()).isFalse();
            assertThat(refusedAtA.retryAfterSeconds()).isPositive();
            // another client has a bucket of its own
            assertThat(decide(b, "client:eyes:2").allowed()).isTrue();
            assertThat(((RedisRateLimiter) a).fallbacks()).isZero();
            assertThat(((RedisRateLimiter) b).fallbacks()).isZero();
        }
        // what each gateway's own memory does: twice the limit over two replicas (the reason for the shared store)
        ClientRateLimiter localA = new ClientRateLimiter(1, Duration.ofMinutes(1), 5, 100);
        ClientRateLimiter localB = new ClientRateLimiter(1, Duration.ofMinutes(1), 5, 100);
        int allowedLocally = 0;
        for (int i = 0; i < 10; i++) {
            allowedLocally +=
                    (i % 2 == 0 ? localA : localB).decide("client:eyes:1").allowed() ? 1 : 0;
        }
        assertThat(allowedLocally).isEqualTo(10);
    }

    @Test
    void concurrentRequestsAtBothGatewaysNeverOverdrawTheBucket() throws Exception {
        LocalRedis.assumeAnswers();
        String prefix = "test:" + UUID.randomUUID() + ":";
        try (RateLimiter a = redisLimiter(prefix, 20);
                RateLimiter b = redisLimiter(prefix, 20)) {
            List<CompletableFuture<RateLimiter.Decision>> decisions = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                decisions.add((i % 2 == 0 ? a : b).tryConsume("client:busy:1"));
            }
            CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long allowed = decisions.stream().filter(d -> d.join().allowed()).count();
            assertThat(allowed).isEqualTo(20);
            assertThat(((RedisRateLimiter) a).fallbacks() + ((RedisRateLimiter) b).fallbacks())
                    .isZero();
        }
    }

    @Test
    void theBucketsExpireInRedisOnceTheyWouldBeFullAgain() throws Exception {
        LocalRedis.assumeAnswers();
        String prefix = "test:" + UUID.randomUUID() + ":";
        try (RateLimiter a = redisLimiter(prefix, 5)) {
            assertThat(decide(a, "client:ttl:1").allowed()).isTrue();
        }
        io.vertx.redis.client.Redis redis = io.vertx.redis.client.Redis.createClient(vertx, REDIS);
        try {
            long ttl = redis.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.PTTL)
                            .arg(prefix + "client:ttl:1"))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .toLong();
            // refilled in a minute (1 a minute, one taken), plus bucket4j's 10 s margin: never kept for ever
            assertThat(ttl)
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofSeconds(70).toMillis());
        } finally {
            redis.close();
        }
    }

    @Test
    void withoutRedisEachGatewayStillLimitsOnItsOwn() throws Exception {
        // port 1 on loopback: nothing listens, the connection is refused at once (no traffic leaves the machine)
        try (RedisRateLimiter down = new RedisRateLimiter(
                vertx, "redis://127.0.0.1:1", "test:", Duration.ofMillis(250), 1, Duration.ofMinutes(1), 3, 100)) {
            int allowed = 0;
            for (int i = 0; i < 4; i++) {
                allowed += decide(down, "client:eyes:1").allowed() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(3);
            assertThat(down.fallbacks()).isEqualTo(4);
        }
    }

    private static RateLimiter redisLimiter(String prefix, long burst) {
        return new RedisRateLimiter(vertx, REDIS, prefix, Duration.ofSeconds(2), 1, Duration.ofMinutes(1), burst, 100);
    }

    private static RateLimiter.Decision decide(RateLimiter limiter, String client) throws Exception {
        return limiter.tryConsume(client).get(10, TimeUnit.SECONDS);
    }
}
