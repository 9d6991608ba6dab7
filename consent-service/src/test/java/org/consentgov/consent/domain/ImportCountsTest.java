package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.consentgov.consent.persistence.ImportJobs;
import org.junit.jupiter.api.Test;

class ImportCountsTest {

    @Test
    void everyLineIsCountedOnceByItsOutcome() {
        ImportCounts counts = new ImportCounts();
        counts.created();
        counts.refused(2, Map.of("code", "malformed-json"));
        counts.replayed();
        counts.created();

        ImportJobs.Progress progress = counts.progress();
        assertThat(progress.linesRead()).isEqualTo(4);
        assertThat(progress.created()).isEqualTo(2);
        assertThat(progress.replayed()).isEqualTo(1);
        assertThat(progress.rejected()).isEqualTo(1);
        assertThat(progress.errors()).containsExactly(new ImportJobs.LineError(2, Map.of("code", "malformed-json")));
        assertThat(counts.lines()).isEqualTo(4);
    }

    @Test
    void onlyTheFirstHundredRefusedLinesAreKeptButAllAreCounted() {
        ImportCounts counts = new ImportCounts();
        for (int line = 1; line <= 150; line++) {
            counts.refused(line, "problem " + line);
        }

        ImportJobs.Progress progress = counts.progress();
        assertThat(progress.rejected()).isEqualTo(150);
        assertThat(progress.errors()).hasSize(ImportCounts.MAX_ERRORS);
        assertThat(progress.errors().get(99)).isEqualTo(new ImportJobs.LineError(100, "problem 100"));
    }

    @Test
    void aProgressIsASnapshotThatLaterLinesDoNotChange() {
        ImportCounts counts = new ImportCounts();
        counts.refused(1, "first");
        ImportJobs.Progress before = counts.progress();
        counts.refused(2, "second");

        assertThat(before.errors()).hasSize(1);
        assertThat(before.rejected()).isEqualTo(1);
    }
}
