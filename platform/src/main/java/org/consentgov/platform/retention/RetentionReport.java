package org.consentgov.platform.retention;

import java.util.List;

/** What one purge run did: per rule, the rows it deleted and in how many batches (transactions). */
public record RetentionReport(List<Purged> rules) {

    /** One rule's part of a run; {@code batches} counts every delete statement, the last (short) one included. */
    public record Purged(String rule, String table, long rows, int batches) {}

    public RetentionReport {
        rules = List.copyOf(rules);
    }

    public long totalRows() {
        return rules.stream().mapToLong(Purged::rows).sum();
    }

    public long rows(String rule) {
        return find(rule).rows();
    }

    public int batches(String rule) {
        return find(rule).batches();
    }

    private Purged find(String rule) {
        return rules.stream()
                .filter(p -> p.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + rule + " in this run"));
    }
}
