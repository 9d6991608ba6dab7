package org.consentgov.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.consentgov.platform.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class ConsentErrorsTest {

    @Test
    void everyCodeIsSpeltOnceAndAsTheProblemBodiesHaveAlwaysCarriedIt() {
        List<String> codes =
                Arrays.stream(ConsentErrors.values()).map(ConsentErrors::code).toList();

        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z]+(-[a-z0-9]+)*"));
        assertThat(codes)
                .contains(
                        "notice-version-not-published",
                        "identifiers-name-different-subjects",
                        "invalid-idempotency-key",
                        "content-too-large",
                        "line-too-long",
                        "validation-failed",
                        "unknown-format");
    }

    @Test
    void bodiesTooLargeAreAnswered413AndEverythingElseKeepsItsStatus() {
        assertThat(ConsentErrors.CONTENT_TOO_LARGE.kind()).isEqualTo(ProblemKind.CONTENT_TOO_LARGE);
        assertThat(ConsentErrors.LINE_TOO_LONG.kind().status()).isEqualTo(413);
        assertThat(ConsentErrors.LINE_TOO_LONG.kind().title()).isEqualTo("Content too large");
        assertThat(ConsentErrors.WITHDRAWAL_WINDOW_CLOSED.kind().status()).isEqualTo(409);
        assertThat(ConsentErrors.NOTICE_SERVICE_UNAVAILABLE.kind().status()).isEqualTo(503);
        assertThat(ConsentErrors.INVALID_SIGNATURE.kind().status()).isEqualTo(401);
    }

    @Test
    void theReadmeRulesTableListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String rules = readme.substring(readme.indexOf("## Rules it enforces"), readme.indexOf("## Events"));

        for (ConsentErrors error : ConsentErrors.values()) {
            assertThat(rules).as(error.name()).contains("`" + error.code() + "`");
        }
    }
}
