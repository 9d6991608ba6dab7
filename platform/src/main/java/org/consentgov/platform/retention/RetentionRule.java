package org.consentgov.platform.retention;

import java.time.Period;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the retention policy (platform/RETENTION.md): the rows of {@code table} that {@code due} names are
 * deleted once they are older than {@code period}. A module lists its rules in a {@link RetentionRules} bean;
 * {@link RetentionPurge} applies them.
 *
 * @param name   the rule's name: its configuration key {@code platform.retention.<name>} (an ISO-8601 period such
 *               as {@code P30D}, or {@code off}) and the {@code rule} tag of its metrics
 * @param table  the table rows are deleted from; the SQL below calls it {@code t}
 * @param due    a predicate on {@code t} with exactly one parameter, the cutoff instant: true for a row this rule
 *               deletes when everything older than the cutoff is due. Written so that an index finds the rows
 * @param oldest a query without parameters for the time of the oldest row this rule governs, whatever its age
 *               (no row: no result or null); its age is the {@code platform.retention.oldest.age} gauge
 * @param period how long a row is kept; the configuration replaces it
 */
public record RetentionRule(String name, String table, String due, String oldest, Period period) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

    public RetentionRule {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(oldest, "oldest");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a retention rule's name is lower-case words joined by '-': " + name);
        }
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (due.chars().filter(c -> c == '?').count() != 1) {
            throw new IllegalArgumentException("a rule's due predicate takes exactly one parameter, the cutoff");
        }
        RetentionPeriod.requirePositive(name, period);
    }

    /**
     * The common rule: rows whose {@code timeColumn} is older than the period and that match {@code condition}
     * (a predicate on {@code t}, or null for every row). An index on {@code timeColumn}, partial on the condition
     * where it is selective, keeps both queries off a sequential scan.
     */
    public static RetentionRule olderThan(
            String name, String table, String timeColumn, String condition, Period period) {
        if (!TABLE.matcher(timeColumn).matches()) {
            throw new IllegalArgumentException("not a column name: " + timeColumn);
        }
        String where = condition == null ? "" : " AND (" + condition + ")";
        return new RetentionRule(
                name,
                table,
                "t." + timeColumn + " < ?" + where,
                "SELECT t." + timeColumn + " FROM " + table + " t WHERE t." + timeColumn + " IS NOT NULL" + where
                        + " ORDER BY t." + timeColumn + " LIMIT 1",
                period);
    }

    /** This rule with another period (the configured one). */
    public RetentionRule withPeriod(Period other) {
        return new RetentionRule(name, table, due, oldest, other);
    }

    /**
     * One batch: deletes at most the second parameter's number of due rows (the first is the cutoff), skipping rows
     * another transaction holds. {@code ctid = ANY (ARRAY(...))} is a TID scan, and the rows it selects are locked
     * until commit, so none moves meanwhile.
     */
    public String batchDelete() {
        return "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT t.ctid FROM " + table + " t WHERE " + due
                + " LIMIT ? FOR UPDATE OF t SKIP LOCKED))";
    }

    /** The configuration key of this rule's period. */
    public String configKey() {
        return RetentionPeriod.KEY_PREFIX + name;
    }
}
