package org.consentgov.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.consentgov.platform.testing.DatabaseFingerprint;

/** Proves that a rejected request is a problem+json and changed nothing in the service's database. */
public final class Unchanged {

    static final String[] TABLES = {
        "organisation",
        "agreement",
        "agreement_version",
        "agreement_party",
        "agreement_signature",
        "agreement_history",
        "agreement_event",
        "sharing_decision",
        "disclosure",
        "subject_access_log",
        "idempotency_key",
        "outbox_event",
        "processed_notice_event"
    };

    private Unchanged() {}

    public static ExtractableResponse<Response> by(
            DataSource dataSource, Supplier<ExtractableResponse<Response>> request) {
        Map<String, String> before = DatabaseFingerprint.of(dataSource, TABLES);
        ExtractableResponse<Response> response = request.get();
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).startsWith("https://consentgov.org/problems/");
        assertThat(response.body().asString()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(DatabaseFingerprint.of(dataSource, TABLES))
                .as("database after a rejected request")
                .isEqualTo(before);
        return response;
    }
}
