package org.consentgov.consent.domain;

import java.util.ArrayList;
import java.util.List;
import org.consentgov.consent.persistence.ImportJobs;

/** The counts of an import as its lines get their outcomes, with the first refused lines and their problems. */
final class ImportCounts {

    /** How many refused lines an import keeps with their problems. */
    static final int MAX_ERRORS = 100;

    private long lines;
    private long created;
    private long replayed;
    private long rejected;
    private final List<ImportJobs.LineError> firstErrors = new ArrayList<>();

    void created() {
        lines++;
        created++;
    }

    void replayed() {
        lines++;
        replayed++;
    }

    void refused(int line, Object problem) {
        lines++;
        rejected++;
        if (firstErrors.size() < MAX_ERRORS) {
            firstErrors.add(new ImportJobs.LineError(line, problem));
        }
    }

    long lines() {
        return lines;
    }

    ImportJobs.Progress progress() {
        return new ImportJobs.Progress(lines, created, replayed, rejected, List.copyOf(firstErrors));
    }
}
