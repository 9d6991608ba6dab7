package org.consentgov.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An instant from a request that JDBC cannot bind (JDK 19+ refuses it in {@code Timestamp.from}, where JDK 17 let
 * it wrap and PostgreSQL refused it) is the same 400 on either JDK; ConsentBulkTest's out-of-range export date
 * answered 500 on JDK 25 before.
 */
class UnbindableInstantTest {

    @Test
    void whatTimestampFromThrowsOnThisJdkIsRecognised() {
        try {
            Timestamp.from(Instant.MAX);
        } catch (IllegalArgumentException e) {
            assertThat(DatabaseFailures.unbindableInstant(e)).isTrue();
            assertThat(DatabaseFailures.unbindableInstant(new RuntimeException("wrapped", e)))
                    .isTrue();
        }
    }

    @Test
    void itIsFoundWrappedOrSuppressed() {
        IllegalArgumentException refused = fromTimestamp();
        assertThat(DatabaseFailures.unbindableInstant(refused)).isTrue();
        assertThat(DatabaseFailures.sqlState(refused)).isEqualTo(DatabaseFailures.DATETIME_FIELD_OVERFLOW);
        assertThat(DatabaseFailures.unbindableInstant(new IllegalStateException("query failed", refused)))
                .isTrue();
        RuntimeException outer = new RuntimeException("rollback failed too");
        outer.addSuppressed(refused);
        assertThat(DatabaseFailures.unbindableInstant(outer)).isTrue();
    }

    @Test
    void otherArgumentErrorsStayDefects() {
        assertThat(DatabaseFailures.unbindableInstant(new IllegalArgumentException("bad")))
                .isFalse();
        // an overflow somewhere else in our code is a defect of ours, not a value the request sent
        assertThat(DatabaseFailures.unbindableInstant(
                        new IllegalArgumentException(new ArithmeticException("long overflow"))))
                .isFalse();
        assertThat(DatabaseFailures.unbindableInstant(new RuntimeException())).isFalse();
    }

    private static IllegalArgumentException fromTimestamp() {
        IllegalArgumentException e = new IllegalArgumentException(new ArithmeticException("long overflow"));
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.sql.Timestamp", "from", "Timestamp.java", 548),
            new StackTraceElement("org.hibernate.type.descriptor.jdbc.BasicBinder", "bind", "BasicBinder.java", 59)
        });
        return e;
    }
}
