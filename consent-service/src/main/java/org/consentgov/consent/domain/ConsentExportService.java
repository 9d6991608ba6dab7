package org.consentgov.consent.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordChunks;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Streamed export of consent records, minimised: no subject identifiers, only the internal subject id.
 *
 * <p>Records are read in chunks, each in its own short transaction, and written out after that transaction
 * has ended. One transaction around the whole export would hold a database
 * connection for as long as the slowest client takes to read, and would be rolled back by the transaction
 * timeout on a large export; and PostgreSQL's driver reads a whole result set into memory unless told a
 * fetch size. Here memory stays at one chunk whatever the size of the export.
 */
@ApplicationScoped
public class ConsentExportService {

    public static final int CHUNK_SIZE = 500;
    private static final Logger LOG = Logger.getLogger(ConsentExportService.class);

    /** Receives the records in order, as the caller's view of them. */
    @FunctionalInterface
    public interface Sink<T> {
        void write(T record) throws IOException;
    }

    /** A chunk read, as views, and where it ended. */
    private record Chunk<T>(List<T> views, ConsentRecordChunks.After end) {}

    private final ConsentRecordChunks chunks;
    private final SubjectService subjects;
    private final Caller caller;

    public ConsentExportService(ConsentRecordChunks chunks, SubjectService subjects, Caller caller) {
        this.chunks = chunks;
        this.subjects = subjects;
        this.caller = caller;
    }

    /**
     * Writes every record matching the filter, oldest first, as {@code view} shows it (applied inside the chunk's
     * transaction, so it may read what the record refers to); returns how many. {@code format} is for the log.
     */
    public <T> long export(
            ConsentRecordRepository.Filter filter, String format, Function<ConsentRecord, T> view, Sink<T> sink)
            throws IOException {
        return export(filter, format, CHUNK_SIZE, view, sink);
    }

    public <T> long export(
            ConsentRecordRepository.Filter filter,
            String format,
            int chunkSize,
            Function<ConsentRecord, T> view,
            Sink<T> sink)
            throws IOException {
        // who exported what selection, never the data
        LOG.infof(
                "consent export by %s (%s) as %s: notice=%s state=%s recordedFrom=%s recordedTo=%s subject=%s",
                caller.name(),
                caller.org().orElse("no org"),
                format,
                filter.notice(),
                filter.state(),
                filter.recordedFrom(),
                filter.recordedTo(),
                filter.subjectId());
        long written = 0;
        ConsentRecordChunks.After after = null;
        boolean logged = filter.subjectId() == null;
        while (true) {
            ConsentRecordChunks.After from = after;
            Chunk<T> chunk = QuarkusTransaction.requiringNew().call(() -> {
                List<ConsentRecord> records = chunks.next(filter, from, chunkSize);
                ConsentRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
                return new Chunk<>(
                        records.stream().map(view).toList(),
                        last == null ? null : new ConsentRecordChunks.After(last.recordedAt, last.id));
            });
            if (!logged) {
                // logged once the subject's records have been read: a filter the database refuses (a date out of its
                // range, found by OpenApiFuzzTest) is a 400 that must leave no access behind
                QuarkusTransaction.requiringNew().run(() -> subjects.logAccess(filter.subjectId(), "export-consents"));
                logged = true;
            }
            for (T record : chunk.views()) {
                sink.write(record);
            }
            written += chunk.views().size();
            if (chunk.views().size() < chunkSize) {
                break;
            }
            after = chunk.end();
        }
        LOG.infof("consent export by %s as %s: %d records", caller.name(), format, written);
        return written;
    }
}
