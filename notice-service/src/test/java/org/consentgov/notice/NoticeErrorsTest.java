package org.consentgov.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoticeErrorsTest {

    @Test
    void everyPublishedCodeKeepsItsSpellingAndKind() {
        // codes derive from the constants' names: renaming a constant would change the API, so the list is pinned
        assertThat(Arrays.stream(NoticeErrors.values())
                        .map(e -> e.code() + " " + e.kind().status()))
                .containsExactly(
                        "slug-reserved 400",
                        "invalid-parameter 400",
                        "slug-taken 409",
                        "draft-exists 409",
                        "version-not-draft 409",
                        "version-not-published 409",
                        "not-a-draft 409",
                        "no-published-version 404",
                        "no-version-in-force 404",
                        "effective-from-in-future 422",
                        "effective-from-before-previous 422",
                        "default-locale-missing 422",
                        "unknown-vocabulary-code 422",
                        "duplicate-code 422",
                        "basis-not-valid-for-data-kind 422",
                        "personal-data-needs-article-6 422",
                        "special-category-needs-article-9 422",
                        "criminal-data-needs-article-10 422",
                        "consent-basis-forbids-withdrawal-window 422",
                        "withdrawal-window-needs-start 422",
                        "parental-age-missing 422",
                        "transfer-method-both-allowed-and-forbidden 422",
                        "insecure-transfer-of-special-data 422",
                        "consent-duration-invalid 422",
                        "consent-duration-and-agreement-end 422");
    }

    @Test
    void theReadmesRulesTableListsEveryCodeAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Rules it enforces");
        String table = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> listed = rows(table);
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(NoticeErrors.values())
                        .map(NoticeErrors::code)
                        .toList());
    }

    /** The codes in the first column of the table's rows. */
    private static List<String> rows(String table) {
        Pattern code = Pattern.compile("`([a-z0-9-]+)`");
        return table.lines()
                .filter(l -> l.startsWith("| `"))
                .flatMap(l -> {
                    Matcher m = code.matcher(l.substring(0, l.indexOf('|', 1)));
                    return m.results().map(r -> r.group(1));
                })
                .toList();
    }
}
