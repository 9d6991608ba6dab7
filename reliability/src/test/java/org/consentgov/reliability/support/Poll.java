package org.consentgov.reliability.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polling with a deadline: the only way these tests wait for something to happen. */
public final class Poll {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {}

    /** Polls until the condition holds; fails with the description when the deadline passes first. */
    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Boolean.TRUE.equals(condition.get())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            pause();
        }
    }

    /** Polls until the supplier gives a value other than null; fails when the deadline passes first. */
    public static <T> T value(String what, Duration timeout, Supplier<T> supplier) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = supplier.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            pause();
        }
    }

    /** The pause between two polls (also a client's pause between two retries). */
    public static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
