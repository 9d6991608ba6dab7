package org.consentgov.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.consentgov.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileClockTest {

    private static final Instant REAL = Instant.parse("2026-12-03T09:30:00Z");
    private static final Instant SET = Instant.parse("2025-10-06T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock system = new MutableClock(REAL);

    @Test
    void aMissingFileIsTheSystemClock() {
        FileClock clock = new FileClock(dir.resolve("clock"), system);

        assertThat(clock.instant()).isEqualTo(REAL);
        system.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anEmptyFileIsTheSystemClock() throws IOException {
        Path file = write("clock", "  \n", REAL);

        assertThat(new FileClock(file, system).instant()).isEqualTo(REAL);
    }

    @Test
    void theInstantWrittenIsTheTimeAtTheFilesModificationAndRunsOnFromThere() throws IOException {
        Path file = write("clock", "2025-10-06T12:00:00Z\n", REAL);
        FileClock clock = new FileClock(file, system);

        assertThat(clock.instant()).isEqualTo(SET);
        system.advance(Duration.ofSeconds(7));
        assertThat(clock.instant()).isEqualTo(SET.plusSeconds(7));
        assertThat(clock.millis()).isEqualTo(SET.plusSeconds(7).toEpochMilli());
    }

    @Test
    void twoClocksOnTheSameFileTellTheSameTimeWhenEverTheyFirstLook() throws IOException {
        Path file = write("clock", SET.toString(), REAL);
        FileClock early = new FileClock(file, system);
        assertThat(early.instant()).isEqualTo(SET);

        system.advance(Duration.ofSeconds(30));
        FileClock late = new FileClock(file, system);

        assertThat(late.instant()).isEqualTo(early.instant()).isEqualTo(SET.plusSeconds(30));
    }

    @Test
    void neverShowsATimeBeforeTheOneWrittenWhenTheFileSystemStampIsAheadOfTheSystemClock() throws IOException {
        Path file = write("clock", SET.toString(), REAL.plusMillis(4));

        assertThat(new FileClock(file, system).instant()).isEqualTo(SET);
    }

    @Test
    void aNewInstantWrittenInPlaceIsFollowed() throws IOException {
        Path file = write("clock", SET.toString(), REAL);
        FileClock clock = new FileClock(file, system);
        assertThat(clock.instant()).isEqualTo(SET);

        system.advance(Duration.ofSeconds(2));
        write("clock", "2025-11-20T08:15:00Z", REAL.plusSeconds(2));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-11-20T08:15:00Z"));
    }

    @Test
    void aFileReplacedByRenameIsReadAgainEvenWithTheSameModificationTimeAndSize() throws IOException {
        Path file = write("clock", "2025-10-06T12:00:00Z", REAL);
        FileClock clock = new FileClock(file, system);
        assertThat(clock.instant()).isEqualTo(SET);

        Path next = write("clock.next", "2025-10-07T12:00:00Z", REAL);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-10-07T12:00:00Z"));
    }

    @Test
    void theFileIsReadOnlyWhenItChanges() throws IOException {
        Path file = write("clock", "2025-10-06T12:00:00Z", REAL);
        FileClock clock = new FileClock(file, system);
        for (int i = 0; i < 100; i++) {
            clock.instant();
            system.advance(Duration.ofMillis(10));
        }
        assertThat(clock.reads()).isEqualTo(1);

        // rewritten in place with the same size and the old modification time: to the clock nothing changed
        write("clock", "2025-10-09T12:00:00Z", REAL);
        assertThat(clock.instant()).isEqualTo(SET.plusSeconds(1));
        assertThat(clock.reads()).isEqualTo(1);

        Files.setLastModifiedTime(file, FileTime.from(REAL.plusSeconds(1)));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-10-09T12:00:00Z"));
        assertThat(clock.reads()).isEqualTo(2);
    }

    @Test
    void aRemovedFileGivesTheSystemClockBack() throws IOException {
        Path file = write("clock", SET.toString(), REAL);
        FileClock clock = new FileClock(file, system);
        assertThat(clock.instant()).isEqualTo(SET);

        Files.delete(file);

        assertThat(clock.instant()).isEqualTo(REAL);
    }

    @Test
    void aFileThatHoldsNoInstantIsTheSystemClock() throws IOException {
        Path file = write("clock", "next tuesday", REAL);

        assertThat(new FileClock(file, system).instant()).isEqualTo(REAL);
    }

    @Test
    void aDateWithoutATimeIsNotAnInstant() throws IOException {
        Path file = write("clock", "2025-10-06", REAL);

        assertThat(new FileClock(file, system).instant()).isEqualTo(REAL);
    }

    @Test
    void keepsTheFileWhenGivenAnotherZone() throws IOException {
        Path file = write("clock", SET.toString(), REAL);
        Clock london = new FileClock(file, system).withZone(ZoneId.of("Europe/London"));

        assertThat(london.instant()).isEqualTo(SET);
        assertThat(london.getZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void withoutTheSettingTheServiceHasTheSystemClock() {
        assertThat(ClockProducer.clockFor(Optional.empty())).isEqualTo(Clock.systemUTC());
        assertThat(ClockProducer.clockFor(Optional.of("  "))).isEqualTo(Clock.systemUTC());
    }

    @Test
    void withTheSettingTheServiceFollowsTheFileAndTheWarningSaysItIsForTestsOnly() throws IOException {
        Path file = write("clock", SET.toString(), Instant.now());

        Clock clock = ClockProducer.clockFor(Optional.of(file.toString()));

        assertThat(clock).isInstanceOf(FileClock.class);
        assertThat(((FileClock) clock).file()).isEqualTo(file.toAbsolutePath());
        assertThat(Duration.between(SET, clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(1));
        assertThat(ClockProducer.warning(file))
                .contains(
                        file.toString(), "platform.test-clock.file", "FOR TESTS ONLY", "never set it in a deployment");
    }

    private Path write(String name, String content, Instant modified) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
