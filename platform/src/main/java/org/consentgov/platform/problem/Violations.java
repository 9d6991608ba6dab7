package org.consentgov.platform.problem;

import java.util.List;

/** Turns broken rules into one 422 problem named after the first rule, with every violation listed. */
public final class Violations {

    private Violations() {}

    /** Throws a 422 problem listing every violation, each field prefixed (e.g. {@code content.}); nothing if none. */
    public static void require(List<RuleViolation> violations, String prefix) {
        if (violations.isEmpty()) {
            return;
        }
        RuleViolation first = violations.get(0);
        String detail = violations.size() == 1
                ? first.message()
                : first.message() + " (and " + (violations.size() - 1) + " more rule(s) broken)";
        throw new ProblemException(
                        ProblemKind.UNPROCESSABLE,
                        first.rule(),
                        detail,
                        violations.stream()
                                .map(v -> new FieldError(prefix + v.field(), v.rule() + ": " + v.message()))
                                .toList())
                .with(
                        "violations",
                        violations.stream()
                                .map(v -> new RuleViolation(v.rule(), prefix + v.field(), v.message()))
                                .toList());
    }
}
