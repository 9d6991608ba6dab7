package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.nhsNumber;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.events.Dispatcher;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events leave the service through the platform outbox: change feed and webhook subscriptions. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EventDeliveryTest {

    static final String SECRET = "agreement-events-test-secret-0123456789abcdefgh";

    @Inject
    Dispatcher dispatcher;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void everyAgreementEventIsAlsoACloudEventInTheChangeFeedWithoutTheSubject() {
        dispatcher.dispatchOnce();
        long start = given().auth()
                .oauth2(token("integration"))
                .queryParam("after", 0)
                .queryParam("limit", 500)
                .when()
                .get("/api/agreements/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("next");
        Parties p = parties();
        String id = active(p);
        String subject = "nhs-number:" + nhsNumber();
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map(
                        "recipient",
                        p.recipient(),
                        "categories",
                        list("special.health"),
                        "subject",
                        subject,
                        "purpose",
                        "research",
                        "record",
                        true,
                        "transferMethod",
                        "encrypted-file-transfer"))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("PERMIT"));
        dispatcher.dispatchOnce();

        String feed = given().auth()
                .oauth2(token("auditor"))
                .queryParam("after", start)
                .queryParam("limit", 500)
                .when()
                .get("/api/agreements/changes")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath json = new JsonPath(feed);
        List<String> types = json.getList("items.findAll { it.data.agreementId == '" + id + "' }.type");
        assertThat(types)
                .containsExactly(
                        "org.consentgov.agreement.submitted",
                        "org.consentgov.agreement.signed",
                        "org.consentgov.agreement.signed",
                        "org.consentgov.agreement.activated",
                        "org.consentgov.disclosure.recorded");
        Map<String, Object> activated = json.getMap("items.find { it.type == 'org.consentgov.agreement.activated' "
                + "&& it.data.agreementId == '" + id + "' }");
        assertThat(activated)
                .containsEntry("source", "/sharing-agreement-service")
                .containsEntry("subject", id);
        assertThat(feed).doesNotContain(subject.substring("nhs-number:".length()));
    }

    @Test
    void aReceiverSubscribesToAgreementEventsButNotToAnotherServicesTypes() {
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map(
                        "targetUrl",
                        "https://eyes.example/hooks/agreements",
                        "eventTypes",
                        list("org.consentgov.agreement.activated", "org.consentgov.agreement.access-window-ending"),
                        "secret",
                        SECRET))
                .when()
                .post("/api/agreements/subscriptions")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map(
                        "targetUrl",
                        "https://eyes.example/hooks/agreements",
                        "eventTypes",
                        list("org.consentgov.notice.published"),
                        "secret",
                        SECRET))
                .when()
                .post("/api/agreements/subscriptions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("partner", "partner", AgreementTestData.SCHOOLS))
                .when()
                .get("/api/agreements/changes")
                .then()
                .statusCode(403);
    }
}
