package org.consentgov.platform.events;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter — after the n-th failed
 * attempt, a wait drawn uniformly from [0, min(cap, base·2^(n-1))], but at least {@link #MINIMUM_WAIT} so
 * that one dispatch round never hammers a receiver twice — and after {@code maxAttempts} failures, parked.
 * Pure: the random source is given, so tests are deterministic.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);

    public RetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 < base <= cap");
        }
    }

    public static RetryPolicy of(EventsConfig config) {
        return new RetryPolicy(config.maxAttempts(), config.backoffBase(), config.backoffCap());
    }

    /** True when the delivery has failed as often as allowed and is to be parked. */
    public boolean parks(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** The largest wait after the given number of failed attempts (1 for the first failure). */
    public Duration ceiling(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        long capMillis = cap.toMillis();
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < capMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capMillis));
    }

    /** The wait before the next attempt, after the given number of failed attempts. */
    public Duration delay(int failedAttempts, RandomGenerator random) {
        long ceiling = ceiling(failedAttempts).toMillis();
        long drawn = random.nextLong(ceiling + 1);
        return Duration.ofMillis(Math.max(drawn, MINIMUM_WAIT.toMillis()));
    }
}
