package org.consentgov.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An unchecked failure with a stable, machine-readable {@code code} that the web layer renders as an
 * RFC 9457 problem. Services throw it (or subclasses) from their domain and service layers.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemKind kind, String code, String detail) {
        this(kind, code, detail, List.of());
    }

    public ProblemException(ProblemKind kind, String code, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemKind.NOT_FOUND, "not-found", what + " '" + id + "' does not exist");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(ProblemKind.CONFLICT, code, detail);
    }

    public static ProblemException rule(String code, String detail, String field) {
        return new ProblemException(
                ProblemKind.UNPROCESSABLE,
                code,
                detail,
                field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    public static ProblemException badRequest(String code, String detail, String field) {
        return new ProblemException(
                ProblemKind.BAD_REQUEST,
                code,
                detail,
                field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    /** Adds an extension member to the problem body, e.g. the end of a withdrawal window. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
