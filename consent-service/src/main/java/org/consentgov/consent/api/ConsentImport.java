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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consentgov.consent.api.ConsentBulkViews.ImportLineResult;
import org.consentgov.consent.api.ConsentBulkViews.ImportSummary;
import org.consentgov.consent.api.ConsentBulkViews.ImportSummaryLine;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.domain.ConsentService;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.Problem;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemMappers;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * NDJSON bulk import: each line is a {@code POST /api/consents} of its own — the same Bean Validation, the
 * same {@link ConsentService#record}, its own transaction, and the same problem body when it fails — so a bad
 * line is reported and the others are kept. With an Idempotency-Key K, line n is guarded by the key
 * {@code K:n}, so a re-sent file records nothing twice.
 *
 * <p>The body is first spooled to a temporary file (owner-only, deleted when the answer is written). Reading
 * all of it before answering lets a file that is too long be refused with nothing done, and avoids a
 * deadlock with clients that only read the answer after sending the whole body (Apache HttpClient and
 * others): answering while they are still sending would fill both TCP windows. The results are then
 * written as each line is recorded.
 */
@ApplicationScoped
public class ConsentImport {

    public static final String NDJSON = "application/x-ndjson";
    /** Longer lines are answered with an error line and not parsed. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    /** Longer files are refused as a whole before any line is recorded. */
    public static final int MAX_LINES = 100_000;
    /** The key of line n is {@code K:n}: K leaves room for ":100000" inside the 255 characters of a key. */
    public static final int MAX_KEY_LENGTH = 255 - 7;
    static final String OPERATION = "POST /api/consents/import";

    private static final Logger LOG = Logger.getLogger(ConsentImport.class);

    private final ConsentService service;
    private final IdempotentExecutor idempotency;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final Caller caller;
    // the service's one exception-to-problem mapping, so that a line fails exactly as the single POST would
    private final ProblemMappers problems = new ProblemMappers();

    public ConsentImport(ConsentService service, IdempotentExecutor idempotency, Validator validator, ObjectMapper mapper,
            Caller caller) {
        this.service = service;
        this.idempotency = idempotency;
        this.validator = validator;
        this.mapper = mapper;
        this.reader = mapper.readerFor(RecordConsentRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.caller = caller;
    }

    /** The uploaded file, held until its lines have been recorded. */
    public record Spool(Path file, int lines) implements AutoCloseable {
        public boolean tooLong() {
            return lines > MAX_LINES;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("import spool %s could not be deleted: %s", file, e.getMessage());
            }
        }
    }

    /** Reads the whole body into a temporary file and counts its non-blank lines. */
    public Spool spool(InputStream body) throws IOException {
        Path file = Files.createTempFile("consent-import-", ".ndjson");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            try (NdjsonLines lines = new NdjsonLines(Files.newInputStream(file), MAX_LINE_BYTES)) {
                return new Spool(file, lines.countRecords());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Records every line of the spool, writing one result line each as it goes, then the summary line. */
    public ImportSummary run(Spool spool, String key, UriInfo uri, OutputStream out) throws IOException {
        int lines = 0;
        int created = 0;
        int replayed = 0;
        int errors = 0;
        try (spool; NdjsonLines input = new NdjsonLines(Files.newInputStream(spool.file()), MAX_LINE_BYTES)) {
            for (NdjsonLines.Line line = input.next(); line != null; line = input.next()) {
                if (line.blank()) {
                    continue;
                }
                lines++;
                ImportLineResult result = importLine(line, key, uri);
                switch (result.status()) {
                    case ConsentBulkViews.CREATED -> created++;
                    case ConsentBulkViews.REPLAYED -> replayed++;
                    default -> errors++;
                }
                writeLine(out, result);
            }
            ImportSummary summary = new ImportSummary(lines, created, replayed, errors);
            writeLine(out, new ImportSummaryLine(summary));
            LOG.infof("consent import by %s (%s): %d lines, %d created, %d replayed, %d errors", caller.name(),
                    caller.org().orElse("no org"), lines, created, replayed, errors);
            return summary;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("consent import by %s stopped after %d lines (%d created, %d replayed, %d errors): %s",
                    caller.name(), lines, created, replayed, errors, e.toString());
            throw e;
        }
    }

    ImportLineResult importLine(NdjsonLines.Line line, String key, UriInfo uri) {
        if (line.tooLong()) {
            return new ImportLineResult(line.number(), ConsentBulkViews.ERROR, null, new Problem(413, "Content too large",
                    "line-too-long", "A line may have at most " + MAX_LINE_BYTES + " bytes; this one was not read", path(uri),
                    RequestIds.current(), List.of(), Map.of("maxLineBytes", MAX_LINE_BYTES)));
        }
        try {
            RecordConsentRequest request = parse(line.bytes());
            if (request == null) {
                return new ImportLineResult(line.number(), ConsentBulkViews.ERROR, null, new Problem(400,
                        "Validation failed", "validation-failed", "The request has 1 invalid field(s)", path(uri),
                        RequestIds.current(), List.of(new FieldError("request", "must not be null")), Map.of()));
            }
            Set<ConstraintViolation<RecordConsentRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            Response response = idempotency.execute(key == null ? null : key + ":" + line.number(), OPERATION, request,
                    () -> Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                            .entity(new Imported(service.record(request).id())).build());
            boolean replay = "true".equals(response.getHeaderString(IdempotentExecutor.REPLAYED));
            return new ImportLineResult(line.number(), replay ? ConsentBulkViews.REPLAYED : ConsentBulkViews.CREATED,
                    idOf(response), null);
        } catch (JsonProcessingException | RuntimeException e) {
            return new ImportLineResult(line.number(), ConsentBulkViews.ERROR, null, problem(e, uri));
        }
    }

    /** What the idempotency store keeps for a line: the id, and no personal data. */
    record Imported(UUID id) {
    }

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

    private void writeLine(OutputStream out, Object value) throws IOException {
        out.write(mapper.writeValueAsBytes(value));
        out.write('\n');
        out.flush();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
