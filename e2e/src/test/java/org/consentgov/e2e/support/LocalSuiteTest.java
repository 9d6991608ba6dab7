package org.consentgov.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's own rules, without starting anything. */
class LocalSuiteTest {

    private static final Path RUN =
            Path.of(System.getProperty("e2e.repository-root", "..")).resolve("run");

    @Test
    void theServicesAndPortsAreReadFromRunsServicesListSkippingCommentedLines() {
        assertThat(LocalSuite.servicesOf(RUN))
                .containsEntry("notice-service", 8081)
                .containsEntry("gateway", 8080)
                .containsEntry("consent-service", 8082)
                .allSatisfy((name, port) -> assertThat(port).isBetween(8080, 8089));
    }

    @Test
    void commentedOutServicesAreNotStarted(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Files.writeString(run, """
                #!/usr/bin/env bash
                SERVICES=(
                  "notice-service 8081 notices NOTICE_DEMO_DATA=true"
                  # "sharing-agreement-service 8083 agreements"
                )
                """);

        assertThat(LocalSuite.servicesOf(run)).containsOnlyKeys("notice-service");
    }

    @Test
    void missingServiceJarsFailWithTheCommandThatBuildsThem(@TempDir Path root) throws IOException {
        Path run = Files.copy(RUN, root.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> LocalSuite.start(root, root.resolve("target"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notice-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("./mvnw verify");
        assertThat(root.resolve("target/suite.log")).doesNotExist();
    }

    @Test
    void theSuitesClockFileHoldsTheInstantSetAndIsGoneAfterAReset(@TempDir Path target) throws IOException {
        Path file = SuiteClock.fileIn(target);

        SuiteClock.write(file, "2025-10-06T12:00:00Z");
        assertThat(Files.readString(file)).isEqualTo("2025-10-06T12:00:00Z\n");
        SuiteClock.write(file, "2025-10-07T12:00:00Z");
        assertThat(Files.readString(file)).isEqualTo("2025-10-07T12:00:00Z\n");
        assertThat(target)
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".next"));

        SuiteClock.reset(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void theSuitesClockIsNeverSetAheadOfToday() {
        assertThatThrownBy(() -> SuiteClock.set(Instant.now().plus(Duration.ofDays(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("walk through the past");
    }

    @Test
    void runPassesTheSuitesClockFileToEveryServiceWithADatabaseOnly() throws IOException {
        String run = Files.readString(RUN);
        String databaseBranch = run.substring(run.indexOf("if [[ \"$db\" != \"-\" ]]; then"));
        databaseBranch = databaseBranch.substring(0, databaseBranch.indexOf("\n    fi\n"));

        assertThat(run).contains("TEST_CLOCK_FILE=\"${SUITE_TEST_CLOCK_FILE:-}\"");
        assertThat(databaseBranch).contains("PLATFORM_TEST_CLOCK_FILE=$TEST_CLOCK_FILE");
    }
}
