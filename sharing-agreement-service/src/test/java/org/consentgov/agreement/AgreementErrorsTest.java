package org.consentgov.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

class AgreementErrorsTest {

    @Test
    void everyPublishedCodeKeepsItsSpellingAndKind() {
        // codes derive from the constants' names: renaming a constant would change the API, so the list is pinned
        assertThat(Arrays.stream(AgreementErrors.values())
                        .map(e -> e.code() + " " + e.kind().status()))
                .containsExactly(
                        "version-not-draft 409",
                        "no-draft 409",
                        "version-not-pending-signature 409",
                        "content-hash-mismatch 409",
                        "already-signed 409",
                        "signatures-missing 409",
                        "cannot-activate 409",
                        "agreement-not-active 409",
                        "agreement-ended 409",
                        "agreement-not-in-force 409",
                        "variation-open 409",
                        "agreement-changed 409",
                        "duplicate-reference 409",
                        "organisation-exists 409",
                        "decision-already-disclosed 409",
                        "decision-stale 409",
                        "decision-no-longer-permits 409",
                        "not-a-party 403",
                        "not-a-signatory 403",
                        "recipient-not-your-organisation 403",
                        "record-not-allowed 403",
                        "organisation-required 403",
                        "invalid-subject 400",
                        "invalid-event 400",
                        "invalid-signature 401",
                        "notice-service-unavailable 503",
                        "unknown-organisation 422",
                        "duplicate-party 422",
                        "no-controller 422",
                        "end-before-start 422",
                        "end-date-passed 422",
                        "duplicate-code 422",
                        "duplicate-notice-link 422",
                        "unknown-vocabulary-code 422",
                        "basis-not-valid-for-data-kind 422",
                        "personal-data-needs-article-6 422",
                        "special-category-needs-article-9 422",
                        "article-9-needs-schedule-1-condition 422",
                        "criminal-data-needs-article-10 422",
                        "transfer-method-both-allowed-and-forbidden 422",
                        "insecure-transfer-of-special-data 422",
                        "access-limit-recipient-not-party 422",
                        "consent-notice-missing 422",
                        "consent-notice-not-linked 422",
                        "no-linked-notice 422",
                        "linked-notice-not-published 422",
                        "linked-notice-missing-recipient 422",
                        "linked-notice-missing-category 422",
                        "duplicate-signatory 422",
                        "transfer-method-required 422",
                        "transfer-method-not-allowed 422",
                        "disclosure-in-future 422",
                        "decision-in-future 422",
                        "disclosure-before-decision 422",
                        "decision-not-permit 422",
                        "identifier-not-applicable 422");
    }

    @Test
    void aProblemCarriesTheCodeKindDetailAndField() {
        ProblemException problem =
                AgreementErrors.TRANSFER_METHOD_REQUIRED.problem("Name the transfer method", "transferMethod");

        assertThat(problem.code()).isEqualTo("transfer-method-required");
        assertThat(problem.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
        assertThat(problem.getMessage()).isEqualTo("Name the transfer method");
        assertThat(problem.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("transferMethod"));
        assertThat(AgreementErrors.VARIATION_OPEN.problem("open").kind()).isEqualTo(ProblemKind.CONFLICT);
    }

    @Test
    void aViolationNamesTheRuleByItsCode() {
        assertThat(AgreementErrors.NO_CONTROLLER.violation("parties", "no controller"))
                .isEqualTo(new RuleViolation("no-controller", "parties", "no controller"));
    }

    @Test
    void theReadmesRulesTablesListEveryCodeAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Rules it enforces");
        String tables = readme.substring(start, readme.indexOf("\n## ", start + 1));
        assertThat(rows(tables))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AgreementErrors.values())
                        .map(AgreementErrors::code)
                        .toList());
    }

    /** The codes in the first column of the tables' rows, each once. */
    private static List<String> rows(String tables) {
        Pattern code = Pattern.compile("`([a-z0-9-]+)`");
        return tables.lines()
                .filter(l -> l.startsWith("| `"))
                .flatMap(l -> {
                    Matcher m = code.matcher(l.substring(0, l.indexOf('|', 1)));
                    return m.results().map(r -> r.group(1));
                })
                .distinct()
                .toList();
    }
}
