package org.consentgov.agreement;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.consentgov.platform.testing.MutableClock;

/**
 * The service's clock as a {@link MutableClock} that tests move, for the test classes run under {@link Profile}
 * (an alternative, so that every other test keeps the platform's system clock). It starts at a whole second, so
 * that the instants the service sends and stores are the ones a test writes down.
 */
@Alternative
@Singleton
public class MovableClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    /** Runs the service with the movable clock. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }
}
