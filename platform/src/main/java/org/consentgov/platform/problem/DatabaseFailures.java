package org.consentgov.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;

/** What a failure from the database layer means for the caller: the database is gone, or it refused a value. */
final class DatabaseFailures {

    /** SQLState 22008, datetime field overflow: what PostgreSQL says of an instant beyond its range. */
    static final String DATETIME_FIELD_OVERFLOW = "22008";

    private DatabaseFailures() {}

    /**
     * The cause that says the database cannot be reached, or null: a lost or refused connection (SQLState class 08),
     * a server shutting down or starting up (57P01-57P03), or no pooled connection to be had in time.
     */
    static Throwable unavailable(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return cause;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return cause;
                }
                if (state == null && message.startsWith("Acquisition timeout")) {
                    return cause;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return null;
    }

    /**
     * The SQLState the failure carries, or null. An instant JDBC could not even bind counts as PostgreSQL's own
     * refusal of it (22008), so that the same request value has the same answer on every JDK.
     */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return unbindableInstant(e) ? DATETIME_FIELD_OVERFLOW : null;
    }

    /**
     * Whether an instant from the request could not be bound as a JDBC timestamp: since JDK 19
     * {@code java.sql.Timestamp.from} refuses an instant whose milliseconds overflow a long (an
     * IllegalArgumentException caused by an ArithmeticException), where JDK 17 let the value wrap and PostgreSQL
     * refused it (22008).
     */
    static boolean unbindableInstant(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException
                    && t.getCause() instanceof ArithmeticException
                    && Arrays.stream(t.getStackTrace())
                            .anyMatch(frame -> "java.sql.Timestamp".equals(frame.getClassName()))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && unbindableInstant(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
