package org.consentgov.platform.time;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock of a service: services and rules take it injected, never calling now() themselves, so
 * that a test can replace it with a fixed clock (a bean of its own wins over this default).
 *
 * <p>For end-to-end tests of the running suite only, {@code platform.test-clock.file} makes it a {@link FileClock}
 * that every service reads from the same file; unset (the default, and in every deployment) it is the system clock.
 */
public class ClockProducer {

    static final String TEST_CLOCK_FILE = "platform.test-clock.file";

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = TEST_CLOCK_FILE) Optional<String> testClockFile) {
        return clockFor(testClockFile);
    }

    static Clock clockFor(Optional<String> testClockFile) {
        Optional<String> file = testClockFile.map(String::strip).filter(s -> !s.isEmpty());
        if (file.isEmpty()) {
            return Clock.systemUTC();
        }
        return new FileClock(testClockFile(file.get()), Clock.systemUTC());
    }

    /** At start, whether or not the clock is used yet: a service that follows a test clock says so loudly. */
    void warnOfATestClock(
            @Observes StartupEvent start, @ConfigProperty(name = TEST_CLOCK_FILE) Optional<String> testClockFile) {
        testClockFile
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .ifPresent(file -> LOG.warn(warning(testClockFile(file))));
    }

    private static Path testClockFile(String file) {
        return Path.of(file).toAbsolutePath();
    }

    static String warning(Path file) {
        return "This service's clock follows the test clock file " + file + " (" + TEST_CLOCK_FILE
                + "): FOR TESTS ONLY, never set it in a deployment. An ISO-8601 instant written there sets the time"
                + " of every service reading the file; a missing or empty file is the system clock.";
    }
}
