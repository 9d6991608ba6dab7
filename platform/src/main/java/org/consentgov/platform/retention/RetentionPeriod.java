package org.consentgov.platform.retention;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a rule keeps its rows, as configured: {@code platform.retention.<rule>} is an ISO-8601 period ({@code
 * P7D}, {@code P30D}, {@code P6Y}) or {@code off} (keep for ever). A period of zero or less would purge rows as
 * soon as they are written, so it is refused, and so is anything else: a typo must stop the service at start,
 * never purge what the policy keeps.
 */
public final class RetentionPeriod {

    public static final String KEY_PREFIX = "platform.retention.";
    public static final String OFF = "off";

    private RetentionPeriod() {}

    /** The period {@code value} names for {@code rule}; empty for {@code off}. */
    public static Optional<Period> parse(String rule, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        try {
            return Optional.of(requirePositive(rule, Period.parse(trimmed)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(KEY_PREFIX + rule + " is '" + value
                    + "': an ISO-8601 period such as P30D or P6Y, or 'off' to keep the rows for ever");
        }
    }

    static Period requirePositive(String rule, Period period) {
        if (period == null
                || period.isNegative()
                || period.isZero()
                || period.getYears() < 0
                || period.getMonths() < 0
                || period.getDays() < 0) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + rule + " must be a positive period (" + period + "); 'off' keeps rows for ever");
        }
        return period;
    }
}
