package org.consentgov.platform.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A clock an end-to-end test sets by writing a file, for every service of a running suite at once (config
 * {@code platform.test-clock.file}; never set in a deployment).
 *
 * <p>The file holds one ISO-8601 instant, e.g. {@code 2025-10-06T12:00:00Z}. The clock shows that instant at
 * the file's modification time and runs on from there at the system clock's rate: every service reading the same
 * file tells the same time, to the millisecond, whenever it happens to look. It runs on rather than standing still
 * because a live suite needs time to pass within one step of a test (outbox retries and leases, records made one
 * after the other keep their order, a later change is recorded after the decision it follows). A missing or empty
 * file is the system clock; so is a file that does not hold an instant, with a warning.
 *
 * <p>Each reading costs one {@code stat} of the file; its content is read again only when its modification time,
 * size or file key (a write by rename gives a new one) has changed.
 */
public final class FileClock extends Clock {

    private static final Logger LOG = Logger.getLogger(FileClock.class);

    private final Path file;
    private final Clock system;
    private final ZoneId zone;
    private volatile Reading last = Reading.NONE;
    private final AtomicLong reads = new AtomicLong();

    public FileClock(Path file, Clock system) {
        this(file, system, ZoneOffset.UTC);
    }

    private FileClock(Path file, Clock system, ZoneId zone) {
        this.file = Objects.requireNonNull(file, "file");
        this.system = Objects.requireNonNull(system, "system");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public Path file() {
        return file;
    }

    @Override
    public Instant instant() {
        Instant real = system.instant();
        Reading reading = current();
        if (reading.set == null) {
            return real;
        }
        Duration elapsed = Duration.between(reading.since, real);
        // a file system stamps a write with a slightly coarser clock: never show a time before the one written
        return elapsed.isNegative() ? reading.set : reading.set.plus(elapsed);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new FileClock(file, system, zone);
    }

    /** How many times the file's content was read: for the test that proves it is read only on a change. */
    long reads() {
        return reads.get();
    }

    private Reading current() {
        Stamp stamp = stamp();
        Reading seen = last;
        if (Objects.equals(stamp, seen.stamp)) {
            return seen;
        }
        Reading fresh = read(stamp);
        last = fresh;
        return fresh;
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toInstant(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warnf("Cannot read the test clock file %s (%s): using the system clock", file, e.toString());
            return null;
        }
    }

    private Reading read(Stamp stamp) {
        if (stamp == null) {
            return Reading.NONE;
        }
        reads.incrementAndGet();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // replaced or removed between the stat and the read: the next reading looks again
            return new Reading(null, null, null);
        }
        if (text.isEmpty()) {
            return new Reading(stamp, null, null);
        }
        try {
            return new Reading(stamp, Instant.parse(text), stamp.modified);
        } catch (DateTimeParseException e) {
            LOG.warnf(
                    "The test clock file %s holds '%s', not an ISO-8601 instant such as 2025-10-06T12:00:00Z:"
                            + " using the system clock",
                    file, text.length() > 40 ? text.substring(0, 40) + "…" : text);
            return new Reading(stamp, null, null);
        }
    }

    @Override
    public String toString() {
        return "FileClock[" + file + "]";
    }

    private record Stamp(Instant modified, long size, Object fileKey) {}

    /** What the file said when it had this stamp: the instant set (null: the system clock) and since when. */
    private record Reading(Stamp stamp, Instant set, Instant since) {
        static final Reading NONE = new Reading(null, null, null);
    }
}
