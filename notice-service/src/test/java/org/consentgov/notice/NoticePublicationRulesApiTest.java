package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.consentgov.platform.json.CanonicalJson;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The rules a notice must pass to be published, and what publishing fixes. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticePublicationRulesApiTest extends NoticeApiTestSupport {

    @Test
    void specialCategoryWithoutArticle9IsRefusedAtPublishNamingTheRule() {
        String slug = create(NoticeTestData.specialWithoutArticle9());
        String etag = etag(slug, 1);
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("special-category-needs-article-9"))
                .body("errors[0].field", equalTo("content.lawfulBases"))
                .body("violations[0].rule", equalTo("special-category-needs-article-9"))
                .extract());
        assertThat(state(slug, 1)).isEqualTo("DRAFT");
    }

    @Test
    void criminalDataWithoutArticle10IsRefusedAtPublish() {
        Map<String, Object> c = content();
        c.put("dataCategories", list("identity.date-of-birth", "criminal.reports-and-antecedents"));
        String slug = create(c);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(422)
                .body("code", equalTo("criminal-data-needs-article-10"));
        c.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e", "description", "Public task"),
                        map("appliesTo", "CRIMINAL", "basis", "dpa-2018-sch1-p2-18", "description", "Safeguarding")));
        given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200);
        publish(slug, 1);
    }

    @Test
    void consentAsLawfulBasisForbidsAWithdrawalWindow() {
        Map<String, Object> c = content();
        c.put("lawfulBases", list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-a", "description", "Consent")));
        c.put(
                "consent",
                map(
                        "requiredParties",
                        list("child"),
                        "parentOrCarer",
                        "WHERE_NEEDED",
                        "withdrawalWindowDays",
                        14,
                        "withdrawalWindowStartsOn",
                        "FORM_RECEIVED",
                        "effectOfWithdrawal",
                        "Stops new use"));
        String slug = create(c);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(422)
                .body("code", equalTo("consent-basis-forbids-withdrawal-window"))
                .body("errors[0].field", equalTo("content.consent.withdrawalWindowDays"));
        given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/notices/{slug}/versions/1/checks", slug)
                .then()
                .statusCode(200)
                .body("publishable", equalTo(false))
                .body("violations.rule", hasItem("consent-basis-forbids-withdrawal-window"));
    }

    @Test
    void basisUsedForTheWrongKindOfDataIsRefused() {
        Map<String, Object> c = NoticeTestData.specialWithoutArticle9();
        c.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e", "description", "Public task"),
                        map("appliesTo", "SPECIAL", "basis", "uk-gdpr-6-1-e", "description", "Not a condition")));
        String slug = create(c);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(422)
                .body("violations.rule", hasItem("basis-not-valid-for-data-kind"))
                .body("violations.field", hasItem("content.lawfulBases[1].basis"));
    }

    @Test
    void insecureTransferOfSpecialCategoryDataIsRefused() {
        Map<String, Object> c = NoticeTestData.withSpecialAndArticle9();
        c.put("transferMethods", map("allowed", list("system-access", "paper"), "forbidden", list("unsecured-email")));
        String slug = create(c);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(422)
                .body("code", equalTo("insecure-transfer-of-special-data"))
                .body("errors[0].field", equalTo("content.transferMethods.allowed[1]"));
    }

    @Test
    void publishingFixesTheHashOfTheCanonicalContentAndRecordsWho() throws Exception {
        String slug = create(content());
        ExtractableResponse<Response> published = publish(slug, 1);
        String hash = published.jsonPath().getString("contentHash");
        String stored = stored(slug, 1);
        assertThat(hash).hasSize(64).isEqualTo(CanonicalJson.sha256(mapper.readTree(stored)));
        assertThat(published.jsonPath().getString("publishedBy")).isEqualTo("dpo-user");
        assertThat(published.jsonPath().getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.jsonPath().getList("history.to")).containsExactly("DRAFT", "PUBLISHED");
    }

    @Test
    void effectiveFromInTheFutureIsRefused() {
        String slug = create(content());
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("effectiveFrom", "2999-01-01T00:00:00Z"))
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(422)
                .body("code", equalTo("effective-from-in-future"));
        assertThat(state(slug, 1)).isEqualTo("DRAFT");
    }
}
