package org.consentgov.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.requestid.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception-to-problem mapping: every error a service returns is an RFC 9457 problem with a
 * stable type, and none carries a stack trace, a class name or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client should wait before retrying while the database is unavailable. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = response(
                e.kind().status(), e.kind().title(), e.code(), e.getMessage(), uri, e.errors(), e.extensions());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return response(
                        400,
                        "Validation failed",
                        "validation-failed",
                        "The request has " + errors.size() + " invalid field(s)",
                        uri,
                        errors,
                        Map.of())
                .build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return response(
                            400,
                            "Unknown field",
                            "unknown-field",
                            "The request has a field this API does not define: " + field,
                            uri,
                            List.of(new FieldError(field, "unknown field")),
                            Map.of())
                    .build();
        }
        if (e instanceof JsonMappingException mapping && !truncatedOrMalformed(mapping)) {
            String field = path(mapping);
            return response(
                            400,
                            "Invalid value",
                            "invalid-value",
                            "The value of " + field + " has the wrong type or format",
                            uri,
                            List.of(new FieldError(field, "wrong type or format")),
                            Map.of())
                    .build();
        }
        return response(
                        400,
                        "Malformed JSON",
                        "malformed-json",
                        "The request body is not well-formed JSON",
                        uri,
                        List.of(),
                        Map.of())
                .build();
    }

    /** A body cut short or not JSON at all, which Jackson may report as a mapping problem at some path. */
    private static boolean truncatedOrMalformed(JsonMappingException e) {
        Throwable cause = e.getCause();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return cause instanceof StreamReadException || message.contains("end-of-input");
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, UriInfo uri) {
        return response(
                        412,
                        "Precondition failed",
                        "stale-etag",
                        "The resource was changed by someone else; fetch it again and retry with its new ETag",
                        uri,
                        List.of(),
                        Map.of())
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return response(
                        401,
                        "Authentication required",
                        "unauthenticated",
                        "A valid bearer token is required",
                        uri,
                        List.of(),
                        Map.of())
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(
                        403,
                        "Forbidden",
                        "forbidden",
                        "Your role does not allow this operation",
                        uri,
                        List.of(),
                        Map.of())
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not accepted here";
            default -> title;
        };
        Response.ResponseBuilder builder = response(status, title, code, detail, uri, List.of(), Map.of());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    /** Jackson's "this type cannot be read" (which Quarkus would answer with a bare 500): a defect of ours, as a problem. */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable lost = DatabaseFailures.unavailable(e);
        if (lost != null) {
            // not a defect of this request: the database is gone (stopped, restarting, unreachable) for now
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), lost.getMessage());
            return response(
                            503,
                            "Service unavailable",
                            "database-unavailable",
                            "The service cannot reach its database just now; retry later",
                            uri,
                            List.of(),
                            Map.of())
                    .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
                    .build();
        }
        String sqlState = DatabaseFailures.sqlState(e);
        if (sqlState != null && sqlState.startsWith("22")) {
            // SQL class 22, data exception (a NUL in text, a number or date out of the column's range...): a value
            // from the request that the database refused; the transaction is rolled back, so nothing changed
            LOG.warnf(e, "Request value refused by the database on %s (SQLState %s)", uri.getPath(), sqlState);
            return response(
                            400,
                            "Invalid value",
                            "invalid-value",
                            "A value in the request cannot be stored",
                            uri,
                            List.of(),
                            Map.of())
                    .build();
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return response(
                        500,
                        "Internal error",
                        "internal-error",
                        "The server could not complete the request; quote the request id when reporting it",
                        uri,
                        List.of(),
                        Map.of())
                .build();
    }

    static Response.ResponseBuilder response(
            int status,
            String title,
            String code,
            String detail,
            UriInfo uri,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        Problem body = new Problem(
                status,
                title,
                code,
                detail,
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
                RequestIds.current(),
                errors,
                extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && field.length() > 0) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.length() == 0) {
            return parameter == null ? "request" : parameter;
        }
        return field.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
