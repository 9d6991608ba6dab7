package org.consentgov.consent.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.consentgov.consent.persistence.ConsentRecordChunks;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Streamed export of consent records, minimised: no subject identifiers, only the internal subject id. Each
 * subject exported is logged once for the export ({@code export-consents}), whatever the number of its records.
 *
 * <p>Records are read in chunks, each in its own short transaction, and written out after that transaction
 * has ended. One transaction around the whole export (as an earlier streaming export did) would hold a database
 * connection for as long as the slowest client takes to read, and would be rolled back by the transaction
 * timeout on a large export; and PostgreSQL's driver reads a whole result set into memory unless told a
 * fetch size. Here memory stays at one chunk whatever the size of the export.
 */
@ApplicationScoped
public class ConsentExportService {

    public static final int CHUNK_SIZE = 500;
    private static final Logger LOG = Logger.getLogger(ConsentExportService.class);

    /** Receives the records in order. */
    @FunctionalInterface
    public interface Sink {
        void write(ConsentDetails record) throws IOException;
    }

    private final ConsentRecordChunks chunks;
    private final ConsentDetailsReader consents;
    private final SubjectAccessLog accessLog;
    private final Caller caller;

    public ConsentExportService(
            ConsentRecordChunks chunks, ConsentDetailsReader consents, SubjectAccessLog accessLog, Caller caller) {
        this.chunks = chunks;
        this.consents = consents;
        this.accessLog = accessLog;
        this.caller = caller;
    }

    /** Writes every record matching the filter, oldest first; returns how many. {@code format} is for the log. */
    public long export(ConsentRecordRepository.Filter filter, String format, Sink sink) throws IOException {
        return export(filter, format, CHUNK_SIZE, sink);
    }

    public long export(ConsentRecordRepository.Filter filter, String format, int chunkSize, Sink sink)
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
        SubjectAccessLog.Batch accesses =
                accessLog.batch(ConsentAccess.EXPORT_CONSENTS, ConsentAccess.describe(filter) + " as " + format);
        if (filter.subjectId() != null) {
            accesses.add(AccessedSubject.byId(filter.subjectId()));
        }
        while (true) {
            ConsentRecordChunks.After from = after;
            // each chunk's subjects are logged in the transaction that read them, before the chunk leaves: a filter
            // the database refuses (a date out of its range, found by OpenApiFuzzTest) is a 400 that leaves no access
            List<ConsentDetails> chunk = QuarkusTransaction.requiringNew().call(() -> {
                List<ConsentDetails> read = chunks.next(filter, from, chunkSize).stream()
                        .map(r -> consents.details(r, false))
                        .toList();
                read.forEach(r -> accesses.add(AccessedSubject.byId(r.record().subjectId)));
                accesses.flush();
                return read;
            });
            for (ConsentDetails record : chunk) {
                sink.write(record);
            }
            written += chunk.size();
            if (chunk.size() < chunkSize) {
                break;
            }
            ConsentDetails last = chunk.get(chunk.size() - 1);
            after = new ConsentRecordChunks.After(last.record().recordedAt, last.record().id);
        }
        LOG.infof(
                "consent export by %s as %s: %d records of %d subjects",
                caller.name(), format, written, accesses.subjects());
        return written;
    }
}
