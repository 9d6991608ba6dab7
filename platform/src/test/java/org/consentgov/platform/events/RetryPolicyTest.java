package org.consentgov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(12, Duration.ofSeconds(10), Duration.ofHours(1));

    /** A random source that always draws its largest value, so the wait is the ceiling. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.ceiling(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(policy.ceiling(10)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.ceiling(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fullJitterDrawsBetweenTheMinimumWaitAndTheCeiling() {
        assertThat(policy.delay(3, HIGHEST)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delay(3, LOWEST)).isEqualTo(RetryPolicy.MINIMUM_WAIT);
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration delay = policy.delay(attempt, random);
            assertThat(delay).isBetween(RetryPolicy.MINIMUM_WAIT, policy.ceiling(attempt));
        }
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        assertThat(policy.delay(5, new Random(42))).isEqualTo(policy.delay(5, new Random(42)));
    }

    @Test
    void aDeliveryIsParkedAfterItsLastAllowedAttempt() {
        assertThat(policy.parks(11)).isFalse();
        assertThat(policy.parks(12)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
