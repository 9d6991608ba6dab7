package org.consentgov.notice.impact;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dry run of a draft: diff, materiality, consent-service's count and sharing-agreement-service's agreements linking
 * the notice (both WireMock, with the token endpoint): answers, failures and timeouts.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeImpactTest.ConsentServiceStub.class)
class NoticeImpactTest {

    /** consent-service's pinned count, sharing-agreement-service's list and the OIDC token endpoint, in one WireMock server. */
    public static class ConsentServiceStub implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(wireMockConfig().dynamicPort());
            server.start();
            return Map.of(
                    "quarkus.rest-client.consents.url",
                    server.baseUrl(),
                    "quarkus.rest-client.agreements.url",
                    server.baseUrl(),
                    "quarkus.oidc-client.auth-server-url",
                    server.baseUrl(),
                    "quarkus.oidc-client.token-path",
                    server.baseUrl() + "/token");
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    WireMockServer server() {
        return ConsentServiceStub.server;
    }

    @BeforeEach
    void reset() {
        server().resetAll();
        server().stubFor(
                        post(urlEqualTo("/token"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"access_token\":\"notice-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        server().stubFor(get(urlPathEqualTo("/api/agreements")).atPriority(10).willReturn(page(0, 100, 0)));
    }

    static final String RESEARCH_ISA =
            "{\"id\":\"0b7e2a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d\",\"reference\":\"ISA-LBC-UOB-WIMTM\","
                    + "\"title\":\"What It Means to Me research\",\"state\":\"ACTIVE\",\"effectiveVersion\":1,\"latestVersion\":1,"
                    + "\"parties\":[\"luton-council\",\"university-of-bedfordshire\"],\"startDate\":\"2025-09-01\"}";
    static final String VARIATION_ISA =
            "{\"id\":\"1c8f3b5d-6e7a-4b2c-9d0e-1f2a3b4c5d6e\",\"reference\":\"ISA-LBC-SCH\","
                    + "\"title\":\"Schools\",\"state\":\"ACTIVE\",\"effectiveVersion\":2,\"openVersion\":3,\"latestVersion\":3,"
                    + "\"parties\":[\"luton-council\",\"luton-schools\"],\"startDate\":\"2025-09-01\"}";

    /** A page of sharing-agreement-service's list, as platform's PageView writes it. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(
            int page, int size, long total, String... items) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"items\":["
                        + String.join(",", items) + "],\"page\":" + page + ",\"size\":" + size + ",\"totalItems\":"
                        + total
                        + ",\"totalPages\":" + ((total + size - 1) / size) + "}");
    }

    void agreementsLinking(String slug, String... items) {
        server().stubFor(get(urlPathEqualTo("/api/agreements"))
                .atPriority(1)
                .withQueryParam("linkedNotice", equalTo(slug))
                .willReturn(page(0, 100, items.length, items)));
    }

    String publishedWithDraft(Map<String, Object> draft) {
        String slug = uniqueSlug("impact");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        String etag = given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", draft))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
        return slug;
    }

    static Map<String, Object> withNewRecipient() {
        Map<String, Object> c = content();
        c.put(
                "recipients",
                list(
                        map(
                                "name",
                                "Luton Schools",
                                "organisationType",
                                "school",
                                "organisationId",
                                "luton-schools",
                                "role",
                                "RECIPIENT"),
                        map(
                                "name",
                                "Bedfordshire Police",
                                "organisationType",
                                "police",
                                "organisationId",
                                "bedfordshire-police",
                                "role",
                                "RECIPIENT")));
        return c;
    }

    @Test
    void aMaterialDraftCountsThePinnedConsents() {
        String slug = publishedWithDraft(withNewRecipient());
        server().stubFor(get(urlPathEqualTo("/api/consents/pinned"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"notice\":\"" + slug
                                + "\",\"beforeVersion\":2,\"active\":7,\"byVersion\":{\"1\":7}}")));

        given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("material", org.hamcrest.Matchers.equalTo(true))
                .body("publishedVersion", org.hamcrest.Matchers.equalTo(1))
                .body("reasons", hasItem("adds recipient Bedfordshire Police"))
                .body("changes[0].field", org.hamcrest.Matchers.equalTo("recipients"))
                .body("consents.active", org.hamcrest.Matchers.equalTo(7))
                .body("consents.byVersion.'1'", org.hamcrest.Matchers.equalTo(7))
                .body("agreements", hasSize(0))
                .body("notes", not(hasItem(NoticeImpactAssessment.AGREEMENTS_NOTE)));
        server().verify(getRequestedFor(urlPathEqualTo("/api/consents/pinned"))
                .withQueryParam("notice", equalTo(slug))
                .withQueryParam("beforeVersion", equalTo("2"))
                .withHeader("Authorization", equalTo("Bearer notice-service-token")));
    }

    @Test
    void theAgreementsLinkingTheNoticeAreListed() {
        String slug = publishedWithDraft(withNewRecipient());
        agreementsLinking(slug, RESEARCH_ISA, VARIATION_ISA);

        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("material", org.hamcrest.Matchers.equalTo(true))
                .body("agreements", hasSize(2))
                .body("agreements[0].id", org.hamcrest.Matchers.equalTo("0b7e2a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d"))
                .body("agreements[0].reference", org.hamcrest.Matchers.equalTo("ISA-LBC-UOB-WIMTM"))
                .body("agreements[0].title", org.hamcrest.Matchers.equalTo("What It Means to Me research"))
                .body("agreements[0].state", org.hamcrest.Matchers.equalTo("ACTIVE"))
                .body("agreements[0].effectiveVersion", org.hamcrest.Matchers.equalTo(1))
                .body("agreements[0].parties", contains("luton-council", "university-of-bedfordshire"))
                .body("agreements[0]", not(hasKey("openVersion")))
                .body("agreements[1].openVersion", org.hamcrest.Matchers.equalTo(3))
                .body("notes", not(hasItem(NoticeImpactAssessment.AGREEMENTS_NOTE)));
        server().verify(getRequestedFor(urlPathEqualTo("/api/agreements"))
                .withQueryParam("linkedNotice", equalTo(slug))
                .withQueryParam("page", equalTo("0"))
                .withHeader("Authorization", equalTo("Bearer notice-service-token")));
    }

    @Test
    void everyPageOfAgreementsIsRead() {
        String slug = publishedWithDraft(withNewRecipient());
        server().stubFor(get(urlPathEqualTo("/api/agreements"))
                .atPriority(1)
                .withQueryParam("linkedNotice", equalTo(slug))
                .withQueryParam("page", equalTo("0"))
                .willReturn(page(0, 1, 2, RESEARCH_ISA)));
        server().stubFor(get(urlPathEqualTo("/api/agreements"))
                .atPriority(1)
                .withQueryParam("linkedNotice", equalTo(slug))
                .withQueryParam("page", equalTo("1"))
                .willReturn(page(1, 1, 2, VARIATION_ISA)));

        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("agreements.reference", contains("ISA-LBC-UOB-WIMTM", "ISA-LBC-SCH"));
        server().verify(2, getRequestedFor(urlPathEqualTo("/api/agreements")));
    }

    @Test
    void whenSharingAgreementServiceCannotAnswerTheRestStillComes() {
        String slug = publishedWithDraft(withNewRecipient());
        server().stubFor(get(urlPathEqualTo("/api/consents/pinned"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"notice\":\"" + slug
                                + "\",\"beforeVersion\":2,\"active\":3,\"byVersion\":{\"1\":3}}")));
        server().stubFor(get(urlPathEqualTo("/api/agreements"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":503}")));

        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("material", org.hamcrest.Matchers.equalTo(true))
                .body("consents.active", org.hamcrest.Matchers.equalTo(3))
                .body("agreements", nullValue())
                .body("notes", hasItem(NoticeImpactAssessment.AGREEMENTS_NOTE));
    }

    @Test
    void whenSharingAgreementServiceIsTooSlowTheRestStillComes() {
        String slug = publishedWithDraft(withNewRecipient());
        // longer than the client's read timeout in tests (quarkus.rest-client.agreements.read-timeout=1000)
        server().stubFor(get(urlPathEqualTo("/api/agreements"))
                .atPriority(1)
                .willReturn(page(0, 100, 1, RESEARCH_ISA).withFixedDelay(5000)));

        given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("agreements", nullValue())
                .body("notes", hasItem(NoticeImpactAssessment.AGREEMENTS_NOTE));
    }

    @Test
    void anAnswerThatIsNoPageIsTreatedAsNoAnswer() {
        String slug = publishedWithDraft(withNewRecipient());
        server().stubFor(get(urlPathEqualTo("/api/agreements"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"unexpected\":true}")));

        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("agreements", nullValue())
                .body("notes", hasItem(NoticeImpactAssessment.AGREEMENTS_NOTE));
    }

    @Test
    void whenConsentServiceCannotAnswerTheDiffStillComes() {
        String slug = publishedWithDraft(withNewRecipient());
        server().stubFor(get(urlPathEqualTo("/api/consents/pinned"))
                .willReturn(aResponse().withStatus(503)));

        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("material", org.hamcrest.Matchers.equalTo(true))
                .body("consents", nullValue())
                .body(
                        "notes",
                        hasItem(
                                "consent-service did not answer: the consents pinned to older versions are not counted"));
    }

    @Test
    void aWordingChangeIsNotMaterialAndAsksNobody() {
        Map<String, Object> c = content();
        c.put("retention", map("description", "Kept in line with the council's retention schedule"));
        String slug = publishedWithDraft(c);

        given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("material", org.hamcrest.Matchers.equalTo(false))
                .body("consents", nullValue());
        server().verify(0, getRequestedFor(urlPathEqualTo("/api/consents/pinned")));
    }

    @Test
    void aWordingChangeStillListsTheAgreementsLinkingTheNotice() {
        Map<String, Object> c = content();
        c.put("retention", map("description", "Kept in line with the council's retention schedule"));
        String slug = publishedWithDraft(c);
        agreementsLinking(slug, RESEARCH_ISA);

        given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(200)
                .body("material", org.hamcrest.Matchers.equalTo(false))
                .body("agreements.reference", contains("ISA-LBC-UOB-WIMTM"));
    }

    @Test
    void onlyDraftsAndOnlyEditorsAndTheDpo() {
        String slug = publishedWithDraft(withNewRecipient());
        given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/notices/{slug}/versions/1/impact", slug)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(token("caseworker"))
                .when()
                .get("/api/notices/{slug}/versions/2/impact", slug)
                .then()
                .statusCode(403);
        given().when().get("/api/notices/{slug}/versions/2/impact", slug).then().statusCode(401);
    }
}
