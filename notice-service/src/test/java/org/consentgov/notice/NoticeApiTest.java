package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.consentgov.platform.json.CanonicalJson;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeApiTest {

    static final String[] TABLES = {
        "notice", "notice_version", "notice_version_transition", "idempotency_key", "outbox_event"
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    // ---- authentication and roles

    @Test
    void noTokenIsUnauthorisedProblemWithBearerChallenge() {
        given().when()
                .get("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://consentgov.org/problems/unauthenticated"));
    }

    @Test
    void writeWithoutTokenIsUnauthorisedAndChangesNothing() {
        assertUnchangedBy(() -> given().contentType(ContentType.JSON)
                .body(request(uniqueSlug("anon"), content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract());
    }

    @Test
    void garbageTokenIsUnauthorised() {
        given().auth()
                .oauth2("not.a.jwt")
                .when()
                .get("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorised() {
        String other =
                org.consentgov.platform.testing.TestTokens.token("dpo-user", "dpo", "luton-council", "consent-service");
        given().auth().oauth2(other).when().get("/api/notices").then().statusCode(401);
    }

    @Test
    void tokenWithoutAnyRoleIsForbiddenToRead() {
        String noRole =
                org.consentgov.platform.testing.TestTokens.token("nobody", "no-such-role", null, "notice-service");
        given().auth()
                .oauth2(noRole)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
    }

    @Test
    void everyRoleCanReadNotices() {
        for (String role :
                List.of("dpo", "notice-editor", "caseworker", "researcher", "partner", "integration", "auditor")) {
            given().auth().oauth2(token(role)).when().get("/api/notices").then().statusCode(200);
        }
    }

    @Test
    void onlyEditorsAndTheDpoCreateNotices() {
        Map<String, Object> fingerprint = fingerprint();
        for (String role : List.of("caseworker", "researcher", "partner", "integration", "auditor")) {
            given().auth()
                    .oauth2(token(role))
                    .contentType(ContentType.JSON)
                    .body(request(uniqueSlug("forbidden"), content()))
                    .when()
                    .post("/api/notices")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        assertThat(fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void onlyTheDpoPublishes() {
        String slug = create(content());
        given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(403);
        assertThat(state(slug, 1)).isEqualTo("DRAFT");
    }

    // ---- creating, idempotency

    @Test
    void editorCreatesADraftWithLocationAndEtag() {
        String slug = uniqueSlug("created");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/notices/" + slug + "/versions/1"))
                .header("ETag", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("state", equalTo("DRAFT"))
                .body("number", equalTo(1))
                .body("createdBy", equalTo("notice-editor-user"))
                .body("history[0].to", equalTo("DRAFT"));
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheFirstResponse() {
        String slug = uniqueSlug("idem");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = postWithKey(token("notice-editor"), key, request(slug, content()));
        ExtractableResponse<Response> second = postWithKey(token("notice-editor"), key, request(slug, content()));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.jsonPath().getString("createdAt"))
                .isEqualTo(first.jsonPath().getString("createdAt"));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}", slug)
                .then()
                .body("versions.size()", equalTo(1));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        postWithKey(token("notice-editor"), key, request(uniqueSlug("idem-a"), content()));
        Map<String, Object> before = fingerprint();
        ExtractableResponse<Response> reused =
                postWithKey(token("notice-editor"), key, request(uniqueSlug("idem-b"), content()));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.jsonPath().getString("code")).isEqualTo("idempotency-key-reused");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void idempotencyKeysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String editorSlug = uniqueSlug("scope-editor");
        String dpoSlug = uniqueSlug("scope-dpo");
        assertThat(postWithKey(token("notice-editor"), key, request(editorSlug, content()))
                        .statusCode())
                .isEqualTo(201);
        ExtractableResponse<Response> other = postWithKey(token("dpo"), key, request(dpoSlug, content()));
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("slug")).isEqualTo(dpoSlug);
    }

    @Test
    void aRejectedCreateDoesNotBurnTheIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        String slug = uniqueSlug("burn");
        Map<String, Object> bad = content();
        bad.put("dataCategories", list("identity.no-such-thing"));
        assertThat(postWithKey(token("notice-editor"), key, request(slug, bad)).statusCode())
                .isEqualTo(422);
        assertThat(postWithKey(token("notice-editor"), key, request(slug, content()))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void takenSlugIsConflict() {
        String slug = create(content());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("slug-taken"))
                .extract());
    }

    // ---- bad input: a clear problem, nothing changed

    @Test
    void malformedJsonIsBadRequest() {
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{\"slug\": \"x\", \"content\": {")
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-json"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")))
                .extract());
    }

    @Test
    void unknownFieldIsBadRequestNamingTheField() {
        Map<String, Object> c = content();
        c.put("favouriteColour", "blue");
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("unknown"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-field"))
                .body("errors[0].field", equalTo("content.favouriteColour"))
                .extract());
    }

    @Test
    void wrongTypeIsBadRequestNamingTheField() {
        Map<String, Object> c = content();
        c.put("automatedDecisionMaking", map("used", "perhaps", "description", "x"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("type"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-value"))
                .body("errors[0].field", equalTo("content.automatedDecisionMaking.used"))
                .extract());
    }

    @Test
    void missingRequiredSectionsAreListedFieldByField() {
        Map<String, Object> c = content();
        c.remove("lawfulBases");
        c.remove("retention");
        c.put("purposes", list());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("missing"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("content.lawfulBases"))
                .body("errors.field", hasItem("content.retention"))
                .body("errors.field", hasItem("content.purposes"))
                .extract());
    }

    @Test
    void overLongStringsAreRefused() {
        Map<String, Object> c = content();
        c.put("locales", map("en", NoticeTestData.localised("x".repeat(201))));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("long"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("content.locales[en].title"))
                .extract());
    }

    @Test
    void badSlugIsRefused() {
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request("Not A Slug!", content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("slug"))
                .extract());
    }

    @Test
    void unknownVocabularyCodeIsUnprocessableNamingTheField() {
        Map<String, Object> c = content();
        c.put("dataCategories", list("identity.date-of-birth", "identity.shoe-size"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("vocab"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-vocabulary-code"))
                .body("errors[0].field", equalTo("content.dataCategories[1]"))
                .extract());
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.TEXT)
                .body("hello")
                .when()
                .post("/api/notices")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void pageSizeAboveTheMaximumIsRefused() {
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("size", 101)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void unknownSlugIsNotFound() {
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/no-such-notice")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"))
                .body("instance", equalTo("/api/notices/no-such-notice"));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/no-such-notice/versions/1")
                .then()
                .statusCode(404);
    }

    // ---- editing drafts: ETag / If-Match

    @Test
    void draftIsEditedWithItsEtag() {
        String slug = create(content());
        String etag = etag(slug, 1);
        Map<String, Object> c = content();
        c.put("rights", list("access", "erasure"));
        String newEtag = given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("content.rights", hasItem("erasure"))
                .extract()
                .header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
    }

    @Test
    void staleIfMatchIsPreconditionFailedAndChangesNothing() {
        String slug = create(content());
        String etag = etag(slug, 1);
        Map<String, Object> c = content();
        given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200);
        c.put("rights", list("erasure"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("stale-etag"))
                .extract());
    }

    @Test
    void updateWithoutIfMatchIsPreconditionRequired() {
        String slug = create(content());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", content()))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("code", equalTo("if-match-required"))
                .extract());
    }

    @Test
    void editingAPublishedVersionIsConflict() {
        String slug = create(content());
        publish(slug, 1);
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("content", content()))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(409)
                .body("code", equalTo("version-not-draft"))
                .extract());
    }

    // ---- publication rules

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

    @Test
    void publishingANewVersionSupersedesTheOldAndMarksAMaterialChange() {
        String slug = create(content());
        publish(slug, 1);
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
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201)
                .body("number", equalTo(2));
        ExtractableResponse<Response> v2 = publish(slug, 2);
        assertThat(v2.jsonPath().getBoolean("materialChange")).isTrue();
        assertThat(v2.jsonPath().getList("materialReasons", String.class))
                .contains("adds recipient Bedfordshire Police");
        assertThat(state(slug, 1)).isEqualTo("SUPERSEDED");
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("from", 1)
                .queryParam("to", 2)
                .when()
                .get("/api/notices/{slug}/diff", slug)
                .then()
                .statusCode(200)
                .body("material", equalTo(true))
                .body("changes[0].field", equalTo("recipients"))
                .body("changes[0].kind", equalTo("ADDED"))
                .body("changes[0].key", equalTo("Bedfordshire Police"));
    }

    @Test
    void aChangeOfWordingOnlyIsNotMaterial() {
        String slug = create(content());
        publish(slug, 1);
        Map<String, Object> c = content();
        c.put("retention", map("description", "Kept in line with the council's retention schedule"));
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
        ExtractableResponse<Response> v2 = publish(slug, 2);
        assertThat(v2.jsonPath().getBoolean("materialChange")).isFalse();
    }

    @Test
    void secondDraftWhileOneIsOpenIsConflict() {
        String slug = create(content());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(409)
                .body("code", equalTo("draft-exists"))
                .extract());
    }

    @Test
    void newVersionWithoutContentCopiesTheLatest() {
        String slug = create(content());
        publish(slug, 1);
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201)
                .body("number", equalTo(2))
                .body("state", equalTo("DRAFT"))
                .body("content.rights", equalTo(List.of("access", "rectification")));
    }

    @Test
    void theDpoRetiresThePublishedVersionWithAReason() {
        String slug = create(content());
        publish(slug, 1);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("reason", ""))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("reason", "The project has ended"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("RETIRED"))
                .body("retiredReason", equalTo("The project has ended"));
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("reason", "again"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(409)
                .body("code", equalTo("version-not-published"));
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() throws Exception {
        String slug = create(content());
        publish(slug, 1);
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE notice_version SET content = '{}'::jsonb WHERE number = 1 AND notice_id = (SELECT id FROM notice WHERE slug = '"
                                    + slug + "')"))
                    .hasMessageContaining("immutable");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> s.executeUpdate("DELETE FROM notice_version_transition"))
                    .hasMessageContaining("append-only");
        }
    }

    // ---- listing

    @Test
    void listingFiftyNoticesCostsABoundedNumberOfStatements() {
        for (int i = 0; i < 50; i++) {
            create(content());
        }
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("size", 50)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(50));
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void listsArePagedWithTotals() {
        create(content());
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("page", 0)
                .queryParam("size", 1)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1))
                .body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    // ---- helpers

    private String create(Map<String, Object> content) {
        String slug = uniqueSlug("notice");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        return slug;
    }

    private ExtractableResponse<Response> publish(String slug, int number) {
        return given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, number))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/{n}/publish", slug, number)
                .then()
                .statusCode(200)
                .extract();
    }

    private ExtractableResponse<Response> postWithKey(String token, String key, Object body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/notices")
                .then()
                .extract();
    }

    private String etag(String slug, int number) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/{n}", slug, number)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private String state(String slug, int number) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/{n}", slug, number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("state");
    }

    private String stored(String slug, int number) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT v.content::text FROM notice_version v JOIN notice n ON n.id = v.notice_id WHERE n.slug = ? AND v.number = ?")) {
            s.setString(1, slug);
            s.setInt(2, number);
            var rs = s.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    private Map<String, Object> fingerprint() {
        return Map.copyOf(DatabaseFingerprint.of(dataSource, TABLES));
    }

    private void assertUnchangedBy(Supplier<ExtractableResponse<Response>> request) {
        Map<String, Object> before = fingerprint();
        ExtractableResponse<Response> response = request.get();
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body().asString())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("SQL");
        assertThat(fingerprint()).as("database after a rejected request").isEqualTo(before);
    }
}
