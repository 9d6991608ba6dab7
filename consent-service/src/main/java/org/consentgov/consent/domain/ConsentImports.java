package org.consentgov.consent.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.consent.persistence.ImportJobs;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Runs a bulk import of consent forms: each line is recorded as a {@code POST /api/consents} of its own would
 * record it — the same Bean Validation (the web layer's {@link LineReader}), the same checks in
 * {@link ConsentRecordFactory}, and
 * the same problem when it fails — so a bad line is reported and the others are kept. With an Idempotency-Key K,
 * line n is guarded by the key {@code K:n}, so a re-sent file records nothing twice and a file re-sent after a
 * broken upload records only the lines that were missing.
 *
 * <p>The body is read as a stream, one line at a time ({@link NdjsonLines}: a line is held only up to
 * {@link #MAX_LINE_BYTES}); parsed lines are collected into batches of
 * {@code consent.import.batch-size} and each batch is written by {@link ConsentBulkWriter} in one transaction of
 * its own, with JDBC batches. A batch that fails as a whole (a concurrent writer, a database error) is rolled back
 * and recorded again line by line, each line in its own transaction, exactly as a single POST. Memory is bounded
 * by one batch, whatever the file's length. The import's row in {@code consent_import} is updated every
 * {@code consent.import.progress-every} lines in a transaction of its own, so its progress shows while it runs.
 */
@ApplicationScoped
public class ConsentImports {

    /**
     * The operation the lines' idempotency keys are fingerprinted under. It names the line-by-line import endpoint,
     * since removed, whose keys the streamed import shares: a file sent before keeps replaying under its key.
     */
    static final String OPERATION = "POST /api/consents/import";

    /** Longer lines are refused and not parsed. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(ConsentImports.class);

    /**
     * A line read: the command to record and the request its idempotency key covers, or why it has neither.
     */
    public record ImportLine(int number, ConsentCommands.RecordConsent command, Object request, Exception failure) {

        public static ImportLine refused(int number, Exception failure) {
            return new ImportLine(number, null, null, failure);
        }
    }

    /** Reads one line of the file as a single {@code POST /api/consents} would read its body. */
    @FunctionalInterface
    public interface LineReader {
        ImportLine read(NdjsonLines.Line line);
    }

    /** Turns the failure of a refused line into the problem kept with it: the web layer's one mapping. */
    @FunctionalInterface
    public interface Problems {
        Object of(Exception failure);
    }

    private final ConsentRecording service;
    private final ConsentBulkWriter writer;
    private final ImportJobs jobs;
    private final IdempotentExecutor idempotency;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Clock clock;
    private final int batchSize;
    private final int progressEvery;

    public ConsentImports(
            ConsentRecording service,
            ConsentBulkWriter writer,
            ImportJobs jobs,
            IdempotentExecutor idempotency,
            ObjectMapper mapper,
            Caller caller,
            Clock clock,
            ConsentConfig config) {
        this.service = service;
        this.writer = writer;
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.caller = caller;
        this.clock = clock;
        this.batchSize = config.imports().batchSize();
        this.progressEvery = config.imports().progressEvery();
    }

    /**
     * Records every line of the stream as import {@code job} (its row is created here). Returns the final counts.
     * The job ends COMPLETED, or FAILED when reading or writing broke off (and the exception is rethrown).
     */
    public ImportJobs.Progress run(InputStream body, UUID job, String key, LineReader parser, Problems problems)
            throws IOException {
        ImportCounts counts = new ImportCounts();
        jobs.start(job, caller.name(), caller.org().orElse(null), key, RequestIds.current(), clock.instant());
        long lastProgress = 0;
        List<ImportLine> batch = new ArrayList<>(batchSize);
        int parsed = 0;
        try (NdjsonLines input = new NdjsonLines(body, MAX_LINE_BYTES)) {
            for (NdjsonLines.Line line = input.next(); line != null; line = input.next()) {
                if (line.blank()) {
                    continue;
                }
                ImportLine pending = parser.read(line);
                batch.add(pending);
                if (pending.command() != null && ++parsed >= batchSize || batch.size() >= 4 * batchSize) {
                    write(batch, key, problems, counts);
                    batch.clear();
                    parsed = 0;
                    if (counts.lines() - lastProgress >= progressEvery) {
                        jobs.progress(job, counts.progress(), clock.instant());
                        lastProgress = counts.lines();
                    }
                }
            }
            write(batch, key, problems, counts);
            ImportJobs.Progress done = counts.progress();
            jobs.finish(job, done, ImportState.COMPLETED, null, clock.instant());
            LOG.infof(
                    "consent import %s by %s (%s): %d lines, %d created, %d replayed, %d errors",
                    job,
                    caller.name(),
                    caller.org().orElse("no org"),
                    done.linesRead(),
                    done.created(),
                    done.replayed(),
                    done.rejected());
            return done;
        } catch (IOException | RuntimeException e) {
            String failure = e instanceof IOException
                    ? "The upload ended before the end of the file (" + e.getMessage() + ")"
                    : "The import stopped on an unexpected error; quote request id " + RequestIds.current();
            ImportJobs.Progress so = counts.progress();
            jobs.finish(job, so, ImportState.FAILED, failure, clock.instant());
            LOG.warnf(
                    "consent import %s by %s stopped after %d lines (%d created, %d replayed, %d errors): %s",
                    job, caller.name(), so.linesRead(), so.created(), so.replayed(), so.rejected(), e.toString());
            throw e;
        }
    }

    /** What became of a line written. */
    private record Written(int line, UUID id, boolean replayed, Exception failure) {}

    /** Writes the batch's valid lines in one transaction, or line by line if that fails; counts in line order. */
    private void write(List<ImportLine> batch, String key, Problems problems, ImportCounts counts) {
        List<ConsentBulkWriter.Line<Object>> lines = new ArrayList<>(batch.size());
        for (ImportLine p : batch) {
            if (p.command() != null) {
                lines.add(new ConsentBulkWriter.Line<>(p.number(), p.command(), p.request()));
            }
        }
        Map<Integer, Written> written = new HashMap<>();
        if (!lines.isEmpty()) {
            try {
                for (ConsentBulkWriter.Outcome o : writer.write(lines, key, OPERATION)) {
                    written.put(o.line(), new Written(o.line(), o.id(), o.replayed(), o.failure()));
                }
            } catch (RuntimeException e) {
                LOG.infof(
                        "consent import batch of %d lines (from line %d) is recorded line by line: %s",
                        lines.size(), lines.get(0).number(), e.toString());
                written.clear();
                for (ConsentBulkWriter.Line<Object> line : lines) {
                    written.put(line.number(), recordAlone(line, key));
                }
            }
        }
        for (ImportLine p : batch) {
            Written w =
                    p.failure() != null ? new Written(p.number(), null, false, p.failure()) : written.get(p.number());
            if (w.failure() != null) {
                counts.refused(w.line(), problems.of(w.failure()));
            } else if (w.replayed()) {
                counts.replayed();
            } else {
                counts.created();
            }
        }
    }

    /** One line in a transaction of its own, through the idempotency store: the path a single POST takes. */
    private Written recordAlone(ConsentBulkWriter.Line<Object> line, String key) {
        try {
            Response response = idempotency.execute(
                    key == null ? null : key + ":" + line.number(),
                    OPERATION,
                    line.request(),
                    () -> Response.status(Response.Status.CREATED)
                            .type(MediaType.APPLICATION_JSON)
                            .entity(new Imported(service.record(line.command()).record().id))
                            .build());
            boolean replay = "true".equals(response.getHeaderString(IdempotentExecutor.REPLAYED));
            return new Written(line.number(), idOf(response), replay, null);
        } catch (RuntimeException e) {
            return new Written(line.number(), null, false, e);
        }
    }

    /** What the idempotency store keeps for a line: the id, and no personal data. */
    record Imported(UUID id) {}

    private UUID idOf(Response response) {
        if (response.getEntity() instanceof Imported imported) {
            return imported.id();
        }
        try {
            // a replay carries the stored body
            JsonNode stored = mapper.readTree(String.valueOf(response.getEntity()));
            return UUID.fromString(stored.path("id").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored import response unreadable", e);
        }
    }
}
