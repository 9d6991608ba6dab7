package org.consentgov.consent.domain;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;

/**
 * Reads one line of an import into a request, with the JSON rules and the Bean Validation a single
 * {@code POST /api/consents} applies, so that a line is refused for the same reason that request would be.
 */
@ApplicationScoped
public class ImportLineParser {

    /** Longer lines are refused and not parsed. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** A line read: its request, or why it has none. */
    public record Parsed(int number, RecordConsentRequest request, Exception failure) {}

    /** The line was longer than {@link #MAX_LINE_BYTES}; it was skipped unread. */
    public static final class LineTooLong extends RuntimeException {
        public LineTooLong() {
            super("A line may have at most " + MAX_LINE_BYTES + " bytes; this one was not read");
        }
    }

    /** The line was the JSON {@code null}: a request with no field at all. */
    public static final class NoRequest extends RuntimeException {
        public NoRequest() {
            super("request must not be null");
        }
    }

    private final ObjectReader reader;
    private final Validator validator;

    public ImportLineParser(ObjectMapper mapper, Validator validator) {
        this.reader = mapper.readerFor(RecordConsentRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
    }

    public Parsed parse(NdjsonLines.Line line) {
        if (line.tooLong()) {
            return new Parsed(line.number(), null, new LineTooLong());
        }
        try {
            RecordConsentRequest request = read(line.bytes());
            if (request == null) {
                return new Parsed(line.number(), null, new NoRequest());
            }
            Set<ConstraintViolation<RecordConsentRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return new Parsed(line.number(), request, null);
        } catch (JsonProcessingException | RuntimeException e) {
            return new Parsed(line.number(), null, e);
        }
    }

    private RecordConsentRequest read(byte[] json) throws JsonProcessingException {
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
}
