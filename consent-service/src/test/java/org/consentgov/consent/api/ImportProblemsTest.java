package org.consentgov.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ImportProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ImportProblems problems = new ImportProblems(null);

    @Test
    void aLineTooLongIsA413NamingTheLimit() {
        Map<String, Object> problem = body(new ImportLineParser.LineTooLong());

        assertThat(problem)
                .containsEntry("status", 413)
                .containsEntry("title", "Content too large")
                .containsEntry("code", "line-too-long")
                .containsEntry("maxLineBytes", ImportLineParser.MAX_LINE_BYTES);
    }

    @Test
    void aNullLineIsRefusedAsARequestWithNoFields() {
        Map<String, Object> problem = body(new ImportLineParser.NoRequest());

        assertThat(problem).containsEntry("status", 400).containsEntry("code", "validation-failed");
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "request", "message", "must not be null")));
    }

    @Test
    void aDomainRefusalKeepsItsOwnCodeAndStatus() {
        Map<String, Object> problem =
                body(ProblemException.rule("date-in-future", "The date of birth is in the future", "dateOfBirth"));

        assertThat(problem).containsEntry("status", 422).containsEntry("code", "date-in-future");
    }

    @Test
    void unreadableJsonIsA400() {
        Map<String, Object> problem = body(new JsonParseException(null, "more than one JSON value on the line"));

        assertThat(problem).containsEntry("status", 400);
        assertThat(String.valueOf(problem.get("detail"))).doesNotContain("Exception");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Exception failure) {
        return JSON.convertValue(problems.of(failure), Map.class);
    }
}
