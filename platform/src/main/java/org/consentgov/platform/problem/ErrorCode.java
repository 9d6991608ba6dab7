package org.consentgov.platform.problem;

import java.util.List;
import java.util.Locale;

/**
 * A stable, machine-readable error code and the kind of failure it reports. Each service lists its codes in
 * one enum implementing this (the service README's rules table names the class raising each), so that a code
 * is spelt once and a reader finds every use of it. An enum constant {@code WITHDRAWAL_REFERRED} has the code
 * {@code withdrawal-referred}: the enum declares only each constant's kind.
 */
public interface ErrorCode {

    /** The enum constant's name, e.g. {@code WITHDRAWAL_REFERRED}. */
    String name();

    /** What kind of failure the code reports; the web layer turns it into the HTTP status. */
    ProblemKind kind();

    /** The code as it appears in the problem body: the constant's name in lower case, words joined by "-". */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A problem with this code and the given detail. */
    default ProblemException problem(String detail) {
        return new ProblemException(kind(), code(), detail);
    }

    /** A problem with this code, the given detail and the field it concerns (a JSON path), if any. */
    default ProblemException problem(String detail, String field) {
        return new ProblemException(
                kind(), code(), detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    /** One broken rule with this code, for rule classes that list every violation before failing. */
    default RuleViolation violation(String field, String message) {
        return new RuleViolation(code(), field, message);
    }
}
