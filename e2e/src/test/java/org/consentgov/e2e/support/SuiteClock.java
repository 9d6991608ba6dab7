package org.consentgov.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The clock of every service of the {@link LocalSuite} (run's {@code SUITE_TEST_CLOCK_FILE}, platform's
 * {@code FileClock}): {@link #set} makes the suite's time that instant from now on, running on from there, for the
 * next request to any service; {@link #reset} gives the services the real time back. Call {@code reset()} in a
 * {@code finally}: the other tests share the suite and expect today.
 *
 * <p>The services' scheduled jobs run at the suite's time too (consent expiry, the agreements' daily checks), so a
 * test walks through the past, never ahead of today: moved ahead, the clock would expire or flag records other
 * tests rely on.
 */
public final class SuiteClock {

    static final String FILE_NAME = "suite-clock";

    private SuiteClock() {}

    /** Sets the suite's time to {@code instant} (in the past) for every service, from the next request on. */
    public static void set(Instant instant) {
        if (instant.isAfter(Instant.now())) {
            throw new IllegalArgumentException(
                    "the suite's clock is shared by every e2e test: walk through the past, not to " + instant);
        }
        write(file(), instant.toString());
    }

    /** The real time again, for every service. */
    public static void reset() {
        reset(file());
    }

    static void reset(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset the suite's clock " + file, e);
        }
    }

    public static Path file() {
        return fileIn(Path.of(System.getProperty("e2e.target", "target"))
                .toAbsolutePath()
                .normalize());
    }

    static Path fileIn(Path target) {
        return target.resolve(FILE_NAME);
    }

    // written aside and renamed over: a service never reads half an instant, and the rename is a change it sees
    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path next = Files.createTempFile(file.getParent(), FILE_NAME, ".next");
            Files.writeString(next, content + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not set the suite's clock " + file, e);
        }
    }
}
