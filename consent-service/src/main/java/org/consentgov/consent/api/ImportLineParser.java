package org.consentgov.consent.api;

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
import org.consentgov.consent.domain.ConsentImports;
import org.consentgov.consent.domain.NdjsonLines;

/**
 * Reads one line of an import into a request, with the JSON rules and the Bean Validation a single
 * {@code POST /api/consents} applies, so that a line is refused for the same reason that request would be, and
 * hands the domain the command the request maps to (the request itself is what the line's idempotency key covers).
 */
@ApplicationScoped
public class ImportLineParser implements ConsentImports.LineReader {

    /** Longer lines are refused and not parsed. */
    public static final int MAX_LINE_BYTES = ConsentImports.MAX_LINE_BYTES;

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

    @Override
    public ConsentImports.ImportLine read(NdjsonLines.Line line) {
        if (line.tooLong()) {
            return ConsentImports.ImportLine.refused(line.number(), new LineTooLong());
        }
        try {
            RecordConsentRequest request = parse(line.bytes());
            if (request == null) {
                return ConsentImports.ImportLine.refused(line.number(), new NoRequest());
            }
            Set<ConstraintViolation<RecordConsentRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return new ConsentImports.ImportLine(line.number(), ConsentRequestMapper.command(request), request, null);
        } catch (JsonProcessingException | RuntimeException e) {
            return ConsentImports.ImportLine.refused(line.number(), e);
        }
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
}
