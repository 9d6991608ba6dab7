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
import static org.hamcrest.Matchers.hasItem;
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

/** The dry run of a draft: diff, materiality and consent-service's count (WireMock, with the token endpoint). */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeImpactTest.ConsentServiceStub.class)
class NoticeImpactTest {

    /** consent-service's pinned count and the OIDC token endpoint, in one WireMock server. */
    public static class ConsentServiceStub implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(wireMockConfig().dynamicPort());
            server.start();
            return Map.of("quarkus.rest-client.consents.url", server.baseUrl(),
                    "quarkus.oidc-client.auth-server-url", server.baseUrl(),
                    "quarkus.oidc-client.token-path", server.baseUrl() + "/token");
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
        server().stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"notice-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    String publishedWithDraft(Map<String, Object> draft) {
        String slug = uniqueSlug("impact");
        given().auth().oauth2(token("notice-editor")).contentType(ContentType.JSON).body(request(slug, content()))
                .when().post("/api/notices").then().statusCode(201);
        String etag = given().auth().oauth2(token("dpo")).when().get("/api/notices/{slug}/versions/1", slug).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(token("dpo")).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .when().post("/api/notices/{slug}/versions/1/publish", slug).then().statusCode(200);
        given().auth().oauth2(token("notice-editor")).contentType(ContentType.JSON).body(map("content", draft))
                .when().post("/api/notices/{slug}/versions", slug).then().statusCode(201);
        return slug;
    }

    static Map<String, Object> withNewRecipient() {
        Map<String, Object> c = content();
        c.put("recipients", list(
                map("name", "Luton Schools", "organisationType", "school", "organisationId", "luton-schools", "role", "RECIPIENT"),
                map("name", "Bedfordshire Police", "organisationType", "police", "organisationId", "bedfordshire-police",
                        "role", "RECIPIENT")));
        return c;
    }

    @Test
    void aMaterialDraftCountsThePinnedConsents() {
        String slug = publishedWithDraft(withNewRecipient());
        server().stubFor(get(urlPathEqualTo("/api/consents/pinned")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"notice\":\"" + slug + "\",\"beforeVersion\":2,\"active\":7,\"byVersion\":{\"1\":7}}")));

        given().auth().oauth2(token("notice-editor")).when().get("/api/notices/{slug}/versions/2/impact", slug).then()
                .statusCode(200).body("material", org.hamcrest.Matchers.equalTo(true))
                .body("publishedVersion", org.hamcrest.Matchers.equalTo(1))
                .body("reasons", hasItem("adds recipient Bedfordshire Police"))
                .body("changes[0].field", org.hamcrest.Matchers.equalTo("recipients"))
                .body("consents.active", org.hamcrest.Matchers.equalTo(7))
                .body("consents.byVersion.'1'", org.hamcrest.Matchers.equalTo(7))
                .body("agreements", nullValue());
        server().verify(getRequestedFor(urlPathEqualTo("/api/consents/pinned"))
                .withQueryParam("notice", equalTo(slug)).withQueryParam("beforeVersion", equalTo("2"))
                .withHeader("Authorization", equalTo("Bearer notice-service-token")));
    }

    @Test
    void whenConsentServiceCannotAnswerTheDiffStillComes() {
        String slug = publishedWithDraft(withNewRecipient());
        server().stubFor(get(urlPathEqualTo("/api/consents/pinned")).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(token("dpo")).when().get("/api/notices/{slug}/versions/2/impact", slug).then()
                .statusCode(200).body("material", org.hamcrest.Matchers.equalTo(true))
                .body("consents", nullValue())
                .body("notes", hasItem("consent-service did not answer: the consents pinned to older versions are not counted"));
    }

    @Test
    void aWordingChangeIsNotMaterialAndAsksNobody() {
        Map<String, Object> c = content();
        c.put("retention", map("description", "Kept in line with the council's retention schedule"));
        String slug = publishedWithDraft(c);

        given().auth().oauth2(token("notice-editor")).when().get("/api/notices/{slug}/versions/2/impact", slug).then()
                .statusCode(200).body("material", org.hamcrest.Matchers.equalTo(false)).body("consents", nullValue());
        server().verify(0, getRequestedFor(urlPathEqualTo("/api/consents/pinned")));
    }

    @Test
    void onlyDraftsAndOnlyEditorsAndTheDpo() {
        String slug = publishedWithDraft(withNewRecipient());
        given().auth().oauth2(token("notice-editor")).when().get("/api/notices/{slug}/versions/1/impact", slug).then()
                .statusCode(409);
        given().auth().oauth2(token("caseworker")).when().get("/api/notices/{slug}/versions/2/impact", slug).then()
                .statusCode(403);
        given().when().get("/api/notices/{slug}/versions/2/impact", slug).then().statusCode(401);
    }
}
