package org.consentgov.consent.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consentgov.consent.api.ConsentBulkViews.ImportError;
import org.consentgov.consent.api.ConsentBulkViews.ImportLineResult;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.domain.ConsentBulkWriter;
import org.consentgov.consent.domain.ConsentService;
import org.consentgov.consent.persistence.ImportJobs;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.Problem;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemMappers;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * NDJSON bulk import: each line is recorded as a {@code POST /api/consents} of its own would record it — the
 * same Bean Validation, the same checks in {@link ConsentService}, and the same problem body when it fails — so
 * a bad line is reported and the others are kept. With an Idempotency-Key K, line n is guarded by the key
 * {@code K:n}, so a re-sent file records nothing twice and a file re-sent after a broken upload records only
 * the lines that were missing.
 *
 * <p>The body is read as a stream, one line at a time ({@link NdjsonLines}: a line is held only up to
 * {@link #MAX_LINE_BYTES}); parsed lines are collected into batches of {@code consent.import.batch-size} and each
 * batch is written by {@link ConsentBulkWriter} in one transaction of its own, with JDBC batches. A batch that
 * fails as a whole (a concurrent writer, a database error) is rolled back and recorded again line by line, each
 * line in its own transaction, exactly as before. Memory is bounded by one batch, whatever the file's length.
 * The import's row in {@code consent_import} is updated every {@code consent.import.progress-every} lines in a
 * transaction of its own, so {@code GET /api/consents/imports/{id}} shows the progress while it runs.
 */
@ApplicationScoped
public class ConsentImport {

    public static final String NDJSON = "application/x-ndjson";
    /** Longer lines are answered with an error line and not parsed. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    /** For {@code POST /api/consents/imports}: K leaves room for ":" and any line number an int holds. */
    public static final int MAX_STREAM_KEY_LENGTH = 255 - 11;
    /** How many refused lines an import keeps with their problems. */
    public static final int MAX_ERRORS = 100;

    /**
     * The operation the lines' idempotency keys are fingerprinted under. It names the line-by-line import endpoint,
     * since removed, whose keys the streamed import shares: a file sent before keeps replaying under its key.
     */
    static final String OPERATION = "POST /api/consents/import";

    private static final Logger LOG = Logger.getLogger(ConsentImport.class);

    private final ConsentService service;
    private final ConsentBulkWriter writer;
    private final ImportJobs jobs;
    private final IdempotentExecutor idempotency;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final Caller caller;
    private final Clock clock;
    private final int batchSize;
    private final int progressEvery;
    // the service's one exception-to-problem mapping, so that a line fails exactly as the single POST would
    private final ProblemMappers problems = new ProblemMappers();

    public ConsentImport(
            ConsentService service,
            ConsentBulkWriter writer,
            ImportJobs jobs,
            IdempotentExecutor idempotency,
            Validator validator,
            ObjectMapper mapper,
            Caller caller,
            Clock clock,
            @ConfigProperty(name = "consent.import.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "consent.import.progress-every", defaultValue = "5000") int progressEvery) {
        this.service = service;
        this.writer = writer;
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.validator = validator;
        this.mapper = mapper;
        this.reader = mapper.readerFor(RecordConsentRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.caller = caller;
        this.clock = clock;
        this.batchSize = batchSize;
        this.progressEvery = progressEvery;
    }

    /**
     * Records every line of the stream as import {@code job} (its row is created here). Returns the final counts. The job ends COMPLETED, or
     * FAILED when reading or writing broke off (and the exception is rethrown).
     */
    public ImportJobs.Progress run(InputStream body, UUID job, String key, UriInfo uri) throws IOException {
        Counts counts = new Counts();
        jobs.start(job, caller.name(), caller.org().orElse(null), key, RequestIds.current(), clock.instant());
        long lastProgress = 0;
        List<Pending> batch = new ArrayList<>(batchSize);
        int parsed = 0;
        try (NdjsonLines input = new NdjsonLines(body, MAX_LINE_BYTES)) {
            for (NdjsonLines.Line line = input.next(); line != null; line = input.next()) {
                if (line.blank()) {
                    continue;
                }
                Pending pending = parse(line, uri);
                batch.add(pending);
                if (pending.request != null && ++parsed >= batchSize || batch.size() >= 4 * batchSize) {
                    write(batch, key, uri, counts);
                    batch.clear();
                    parsed = 0;
                    if (counts.lines - lastProgress >= progressEvery) {
                        jobs.progress(job, counts.progress(), clock.instant());
                        lastProgress = counts.lines;
                    }
                }
            }
            write(batch, key, uri, counts);
            jobs.finish(job, counts.progress(), ImportJobs.COMPLETED, null, clock.instant());
            LOG.infof(
                    "consent import %s by %s (%s): %d lines, %d created, %d replayed, %d errors",
                    job,
                    caller.name(),
                    caller.org().orElse("no org"),
                    counts.lines,
                    counts.created,
                    counts.replayed,
                    counts.errors);
            return counts.progress();
        } catch (IOException | RuntimeException e) {
            String failure = e instanceof IOException
                    ? "The upload ended before the end of the file (" + e.getMessage() + ")"
                    : "The import stopped on an unexpected error; quote request id " + RequestIds.current();
            jobs.finish(job, counts.progress(), ImportJobs.FAILED, failure, clock.instant());
            LOG.warnf(
                    "consent import %s by %s stopped after %d lines (%d created, %d replayed, %d errors): %s",
                    job, caller.name(), counts.lines, counts.created, counts.replayed, counts.errors, e.toString());
            throw e;
        }
    }

    /** A line read: parsed and valid (request), or already answered (result). */
    private record Pending(int number, RecordConsentRequest request, ImportLineResult result) {}

    private static final class Counts {
        long lines;
        long created;
        long replayed;
        long errors;
        final List<ImportError> firstErrors = new ArrayList<>();

        void add(ImportLineResult result) {
            lines++;
            switch (result.status()) {
                case ConsentBulkViews.CREATED -> created++;
                case ConsentBulkViews.REPLAYED -> replayed++;
                default -> {
                    errors++;
                    if (firstErrors.size() < MAX_ERRORS) {
                        firstErrors.add(new ImportError(result.line(), result.problem()));
                    }
                }
            }
        }

        ImportJobs.Progress progress() {
            return new ImportJobs.Progress(lines, created, replayed, errors, List.copyOf(firstErrors));
        }
    }

    private Pending parse(NdjsonLines.Line line, UriInfo uri) {
        if (line.tooLong()) {
            return new Pending(
                    line.number(),
                    null,
                    new ImportLineResult(
                            line.number(),
                            ConsentBulkViews.ERROR,
                            null,
                            new Problem(
                                    413,
                                    "Content too large",
                                    "line-too-long",
                                    "A line may have at most " + MAX_LINE_BYTES + " bytes; this one was not read",
                                    path(uri),
                                    RequestIds.current(),
                                    List.of(),
                                    Map.of("maxLineBytes", MAX_LINE_BYTES))));
        }
        try {
            RecordConsentRequest request = parse(line.bytes());
            if (request == null) {
                return new Pending(
                        line.number(),
                        null,
                        new ImportLineResult(
                                line.number(),
                                ConsentBulkViews.ERROR,
                                null,
                                new Problem(
                                        400,
                                        "Validation failed",
                                        "validation-failed",
                                        "The request has 1 invalid field(s)",
                                        path(uri),
                                        RequestIds.current(),
                                        List.of(new FieldError("request", "must not be null")),
                                        Map.of())));
            }
            Set<ConstraintViolation<RecordConsentRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return new Pending(line.number(), request, null);
        } catch (JsonProcessingException | RuntimeException e) {
            return new Pending(
                    line.number(),
                    null,
                    new ImportLineResult(line.number(), ConsentBulkViews.ERROR, null, problem(e, uri)));
        }
    }

    /** Writes the batch's valid lines in one transaction, or line by line if that fails; reports in line order. */
    private void write(List<Pending> batch, String key, UriInfo uri, Counts counts) {
        List<ConsentBulkWriter.Line> lines = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (p.request != null) {
                lines.add(new ConsentBulkWriter.Line(p.number, p.request));
            }
        }
        Map<Integer, ImportLineResult> written = new HashMap<>();
        if (!lines.isEmpty()) {
            try {
                for (ConsentBulkWriter.Outcome o : writer.write(lines, key, OPERATION)) {
                    written.put(
                            o.line(),
                            o.failure() != null
                                    ? new ImportLineResult(
                                            o.line(), ConsentBulkViews.ERROR, null, problem(o.failure(), uri))
                                    : new ImportLineResult(
                                            o.line(),
                                            o.replayed() ? ConsentBulkViews.REPLAYED : ConsentBulkViews.CREATED,
                                            o.id(),
                                            null));
                }
            } catch (RuntimeException e) {
                LOG.infof(
                        "consent import batch of %d lines (from line %d) is recorded line by line: %s",
                        lines.size(), lines.get(0).number(), e.toString());
                written.clear();
                for (ConsentBulkWriter.Line line : lines) {
                    written.put(line.number(), importLine(line.number(), line.request(), key, uri));
                }
            }
        }
        for (Pending p : batch) {
            ImportLineResult result = p.result != null ? p.result : written.get(p.number);
            counts.add(result);
        }
    }

    /** One line in a transaction of its own, through the idempotency store: the path a single POST takes. */
    ImportLineResult importLine(int number, RecordConsentRequest request, String key, UriInfo uri) {
        try {
            Response response = idempotency.execute(
                    key == null ? null : key + ":" + number,
                    OPERATION,
                    request,
                    () -> Response.status(Response.Status.CREATED)
                            .type(MediaType.APPLICATION_JSON)
                            .entity(new Imported(service.record(request).id()))
                            .build());
            boolean replay = "true".equals(response.getHeaderString(IdempotentExecutor.REPLAYED));
            return new ImportLineResult(
                    number, replay ? ConsentBulkViews.REPLAYED : ConsentBulkViews.CREATED, idOf(response), null);
        } catch (RuntimeException e) {
            return new ImportLineResult(number, ConsentBulkViews.ERROR, null, problem(e, uri));
        }
    }

    /** What the idempotency store keeps for a line: the id, and no personal data. */
    record Imported(UUID id) {}

    private RecordConsentRequest parse(byte[] json) throws JsonProcessingException {
        try {
            return reader.readValue(json);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                // two values on one line: not NDJSON
                throw new JsonParseException(null, "more than one JSON value on the line");
            }
            throw e;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    private Problem problem(Exception e, UriInfo uri) {
        Response response;
        if (e instanceof ProblemException p) {
            response = problems.problem(p, uri);
        } else if (e instanceof ConstraintViolationException c) {
            response = problems.invalid(c, uri);
        } else if (e instanceof JsonProcessingException j) {
            response = problems.unreadable(j, uri);
        } else if (e instanceof OptimisticLockException o) {
            response = problems.stale(o, uri);
        } else if (e instanceof WebApplicationException w) {
            response = problems.web(w, uri);
        } else {
            response = problems.unexpected(e, uri);
        }
        return (Problem) response.getEntity();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
