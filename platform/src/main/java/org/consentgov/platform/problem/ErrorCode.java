package org.consentgov.platform.problem;

/**
 * A stable, machine-readable error code and the kind of failure it reports. Each service lists its
 * codes in one enum implementing this (the service README's rules table names the class raising each),
 * so that a code is spelt once and a reader finds every use of it.
 */
public interface ErrorCode {

    /** The code as it appears in the problem body, e.g. {@code withdrawal-referred}. */
    String code();

    /** What kind of failure the code reports; the web layer turns it into the HTTP status. */
    ProblemKind kind();

    /** A problem with this code and the given detail. */
    default ProblemException problem(String detail) {
        return new ProblemException(kind(), code(), detail);
    }

    /** A problem with this code, the given detail and the field it concerns (a JSON path), if any. */
    default ProblemException problem(String detail, String field) {
        return new ProblemException(
                kind(),
                code(),
                detail,
                field == null ? java.util.List.of() : java.util.List.of(new FieldError(field, detail)));
    }
}
