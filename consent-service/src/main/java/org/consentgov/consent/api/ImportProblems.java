package org.consentgov.consent.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentImports;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.Problem;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemMappers;
import org.consentgov.platform.requestid.RequestIds;

/**
 * The problem kept with a refused import line: the body the service's one exception-to-problem mapping gives the
 * same failure of a single {@code POST /api/consents}, with the import's path as its instance.
 */
final class ImportProblems implements ConsentImports.Problems {

    private static final ProblemMappers PROBLEMS = new ProblemMappers();

    private final UriInfo uri;

    ImportProblems(UriInfo uri) {
        this.uri = uri;
    }

    @Override
    public Problem of(Exception e) {
        if (e instanceof ImportLineParser.LineTooLong tooLong) {
            return new Problem(
                    ConsentErrors.LINE_TOO_LONG.kind().status(),
                    ConsentErrors.LINE_TOO_LONG.kind().title(),
                    ConsentErrors.LINE_TOO_LONG.code(),
                    tooLong.getMessage(),
                    path(),
                    RequestIds.current(),
                    List.of(),
                    Map.of("maxLineBytes", ImportLineParser.MAX_LINE_BYTES));
        }
        if (e instanceof ImportLineParser.NoRequest) {
            return new Problem(
                    ConsentErrors.VALIDATION_FAILED.kind().status(),
                    // the title ProblemMappers gives a body that fails validation, not the kind's
                    "Validation failed",
                    ConsentErrors.VALIDATION_FAILED.code(),
                    "The request has 1 invalid field(s)",
                    path(),
                    RequestIds.current(),
                    List.of(new FieldError("request", "must not be null")),
                    Map.of());
        }
        Response response;
        if (e instanceof ProblemException p) {
            response = PROBLEMS.problem(p, uri);
        } else if (e instanceof ConstraintViolationException c) {
            response = PROBLEMS.invalid(c, uri);
        } else if (e instanceof JsonProcessingException j) {
            response = PROBLEMS.unreadable(j, uri);
        } else if (e instanceof OptimisticLockException o) {
            response = PROBLEMS.stale(o, uri);
        } else if (e instanceof WebApplicationException w) {
            response = PROBLEMS.web(w, uri);
        } else {
            response = PROBLEMS.unexpected(e, uri);
        }
        return (Problem) response.getEntity();
    }

    private String path() {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
