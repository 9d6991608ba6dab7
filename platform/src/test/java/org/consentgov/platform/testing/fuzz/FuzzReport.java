package org.consentgov.platform.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts and failures of one run; {@link #assertClean()} fails the test with the first of each kind. */
public final class FuzzReport {

    private static final int KEPT = 25;

    private final String service;
    private final FuzzSettings settings;
    private final int operations;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> perOperation = new TreeMap<>();
    private final Map<String, Integer> failureKinds = new LinkedHashMap<>();
    private final List<OpenApiFuzzer.Failure> failures = new ArrayList<>();
    int requests;
    int unsendable;
    int dbChecks;
    int dbCheckedRequests;

    FuzzReport(String service, FuzzSettings settings, int operations) {
        this.service = service;
        this.settings = settings;
        this.operations = operations;
    }

    void count(OpenApiFuzzer.Sent sent, int status) {
        requests++;
        statuses.merge(status, 1, Integer::sum);
        perOperation.merge(sent.op().key(), 1, Integer::sum);
    }

    void fail(OpenApiFuzzer.Failure failure, String operation) {
        String kind =
                failure.reason().replaceAll("[:(].*", "").trim() + " on " + operation + " (" + failure.status() + ")";
        int seen = failureKinds.merge(kind, 1, Integer::sum);
        if (seen == 1 && failures.size() < KEPT) {
            failures.add(failure);
        }
    }

    public int requests() {
        return requests;
    }

    public List<String> failureKinds() {
        return List.copyOf(failureKinds.keySet());
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("[fuzz] ")
                .append(service)
                .append(": ")
                .append(requests)
                .append(" requests over ")
                .append(operations)
                .append(" operations, seed ")
                .append(settings.seed())
                .append(" (repeat with -Dfuzz.seed=")
                .append(settings.seed())
                .append(" -Dfuzz.requests=")
                .append(settings.requests())
                .append(")\n");
        out.append("[fuzz]   statuses ")
                .append(statuses)
                .append("; not sendable ")
                .append(unsendable)
                .append('\n');
        out.append("[fuzz]   database unchanged around ")
                .append(dbChecks)
                .append(" batches of rejected requests (")
                .append(dbCheckedRequests)
                .append(" requests)\n");
        perOperation.forEach((op, n) ->
                out.append("[fuzz]   ").append(n).append("  ").append(op).append('\n'));
        if (!failureKinds.isEmpty()) {
            out.append("[fuzz]   FAILURES by kind:\n");
            failureKinds.forEach((kind, n) -> out.append("[fuzz]     ")
                    .append(n)
                    .append("x ")
                    .append(kind)
                    .append('\n'));
        }
        return out.toString();
    }

    /** Prints the summary and fails with the first failure of each kind, if any. */
    public FuzzReport assertClean() {
        System.out.println(summary());
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(summary()).append("\nFirst failure of each kind:\n");
            failures.forEach(f -> message.append("\n").append(f).append('\n'));
            throw new AssertionError(message.toString());
        }
        return this;
    }
}
