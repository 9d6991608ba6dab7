package org.consentgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.reliability.support.Api;
import org.consentgov.reliability.support.Fixtures;
import org.consentgov.reliability.support.Suite;
import org.consentgov.reliability.support.SuiteExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue G, with real processes: when notice-service is down, recording a consent (which pins a notice version
 * consent-service has not read yet) is a 503 problem and stores nothing; when consent-service is down, a sharing
 * decision that needs consent is a DENY that says why.
 */
@ExtendWith(SuiteExtension.class)
class UpstreamDownTest {

    static final String[] CONSENT_TABLES = {
        "subject",
        "subject_identifier",
        "consent_record",
        "consent_party",
        "consent_history",
        "outbox_event",
        "idempotency_key"
    };
    /** consent-service's demo subject: a Gillick-competent child who consented to the research. */
    static final String CONSENTED_CHILD = "nhs-number:9990000018";

    private Suite suite;

    @AfterEach
    void heal() {
        if (suite != null) {
            suite.heal();
        }
    }

    @Test
    void withNoticeServiceDownRecordingAConsentIsA503ProblemAndStoresNothing(Suite suite) {
        this.suite = suite;
        Fixtures f = new Fixtures(suite);
        // a notice version consent-service has never read, so it must ask notice-service
        String slug = Fixtures.unique("upstream-down");
        JsonNode published = f.publishedNotice(slug, Fixtures.COUNCIL, Fixtures.SCHOOLS);
        Map<String, Object> request = Fixtures.consentRequest(
                Fixtures.nhsNumber(), 1, published.path("contentHash").asText());
        ((Map<String, Object>) request.get("notice")).put("slug", slug);
        request.put("purposes", Fixtures.list("statutory-service"));
        DataSource consents = suite.postgres().dataSource(Suite.CONSENTS);

        suite.notice().stop();
        Map<String, String> before = DatabaseFingerprint.of(consents, CONSENT_TABLES);
        Api.Reply reply = f.caseworker()
                .header("Idempotency-Key", "upstream-down-" + slug)
                .post("/api/consents", request);

        assertThat(reply.status())
                .as("recording a consent with notice-service down: %s", reply.body())
                .isEqualTo(503);
        assertThat(reply.problem()).as("problem+json: %s", reply.headers()).isTrue();
        assertThat(reply.json().path("status").asInt()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isNotBlank();
        assertThat(DatabaseFingerprint.of(consents, CONSENT_TABLES))
                .as(
                        "consent-service's database; newest keys: %s",
                        suite.postgres()
                                .column(
                                        Suite.CONSENTS,
                                        "SELECT caller || ' ' || idempotency_key || ' ' || created_at || ' '"
                                                + " || coalesce(response_status::text, 'no answer') FROM idempotency_key ORDER BY created_at DESC LIMIT 3"))
                .isEqualTo(before);
    }

    @Test
    void withConsentServiceDownASharingDecisionThatNeedsConsentIsADenyWithItsReason(Suite suite) {
        this.suite = suite;
        Fixtures f = new Fixtures(suite);
        JsonNode isa = f.agreementDpo()
                .get("/api/agreements?reference=" + Fixtures.RESEARCH_ISA)
                .expect(200)
                .json()
                .path("items")
                .path(0);
        JsonNode content = f.agreementDpo()
                .get("/api/agreements/" + isa.path("id").asText())
                .expect(200)
                .json()
                .path("content");
        assertThat(content.path("consent").path("required").asBoolean())
                .as("the research ISA requires consent")
                .isTrue();
        Map<String, Object> question = Fixtures.map(
                "recipient",
                "university-of-bedfordshire",
                "categories",
                Api.JSON.convertValue(content.path("dataCategories"), List.class),
                "subject",
                CONSENTED_CHILD,
                "purpose",
                Fixtures.RESEARCH_PURPOSE);

        suite.consent().stop();
        JsonNode decision = f.agreementIntegration()
                .post("/api/sharing-decisions", question)
                .expect(201)
                .json();

        assertThat(decision.path("decision").asText())
                .as("decision: %s", decision)
                .isEqualTo("DENY");
        assertThat(decision.path("reasons").findValuesAsText("code")).containsExactly("consent-service-unavailable");
        assertThat(decision.path("reasons").path(0).path("message").asText()).isNotBlank();
        assertThat(decision.path("disclosureId").isMissingNode()
                        || decision.path("disclosureId").isNull())
                .isTrue();
        // stored as asked
        f.agreementDpo()
                .get("/api/sharing-decisions/" + decision.path("decisionId").asText())
                .expect(200);

        // and with consent-service back, the same question is answered on the consent itself
        suite.consent().start();
        JsonNode after = f.agreementIntegration()
                .post("/api/sharing-decisions", question)
                .expect(201)
                .json();
        assertThat(after.path("reasons").findValuesAsText("code")).doesNotContain("consent-service-unavailable");
    }
}
