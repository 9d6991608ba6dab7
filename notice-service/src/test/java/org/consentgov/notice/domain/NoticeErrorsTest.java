package org.consentgov.notice.domain;

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
    void everyCodeIsSpeltOnce() {
        List<String> codes =
                Arrays.stream(NoticeErrors.values()).map(NoticeErrors::code).toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z0-9]+(-[a-z0-9]+)*"));
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
