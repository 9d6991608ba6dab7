package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.create;
import static org.consentgov.agreement.AgreementTestData.createRequest;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.read;
import static org.consentgov.agreement.AgreementTestData.sign;
import static org.consentgov.agreement.AgreementTestData.signer;
import static org.consentgov.agreement.AgreementTestData.submit;
import static org.consentgov.agreement.AgreementTestData.today;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.consentgov.agreement.AgreementTestData.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AgreementLifecycleTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    // ---- the lifecycle

    @Test
    void aDraftIsSubmittedSignedByEveryPartyAndTheLastSignatureActivatesItFromItsStartDate() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .body("state", equalTo("DRAFT"))
                .body("versionState", equalTo("DRAFT"))
                .body("contentHash", nullValue());

        submit(id);
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .body("state", equalTo("PENDING_SIGNATURE"))
                .body("contentHash", notNullValue())
                .body("awaitingSignature", hasItems(p.controller(), p.recipient()));

        String hash = read(id).jsonPath().getString("contentHash");
        given().auth()
                .oauth2(signer(p.controller()))
                .contentType(ContentType.JSON)
                .header("If-Match", etag(id))
                .body(map("version", 1, "contentHash", hash))
                .when()
                .post("/api/agreements/{id}/signatures", id)
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/agreements/" + id + "/versions/1"))
                .body("state", equalTo("PENDING_SIGNATURE"))
                .body("awaitingSignature", equalTo(List.of(p.recipient())));

        sign(id, 1, signer(p.recipient()));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .body("state", equalTo("ACTIVE"))
                .body("effectiveVersion", equalTo(1))
                .body("parties.signed", equalTo(List.of(true, true)))
                .body("parties[1].signedBy", equalTo("signer-of-" + p.recipient()))
                .body("effectiveFrom", notNullValue())
                .body("nextReviewOn", equalTo(today().plusMonths(12).toString()));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/history", id)
                .then()
                .body("action", equalTo(List.of("CREATED", "SUBMITTED", "SIGNED", "SIGNED", "ACTIVATED")))
                .body("[2].actorOrg", equalTo(p.controller()))
                .body("[4].contentHash", equalTo(hash));
        given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/agreements/{id}/events", id)
                .then()
                .statusCode(200)
                .body(
                        "items.type",
                        equalTo(List.of(
                                "agreement.submitted", "agreement.signed", "agreement.signed", "agreement.activated")))
                .body("items[3].payload.reference", notNullValue())
                .body("items[3].payload.contentHash", equalTo(hash));
    }

    @Test
    void anAgreementStartingLaterIsActiveFromItsStartDate() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("startDate", today().plusMonths(2).toString());
        String id = active(p, c);
        assertThat(java.time.Instant.parse(read(id).jsonPath().getString("effectiveFrom")))
                .isEqualTo(today().plusMonths(2)
                        .atStartOfDay(AgreementTestData.LONDON)
                        .toInstant());
    }

    @Test
    void suspendingAndActivatingAgainAreRecorded() {
        Parties p = parties();
        String id = active(p);
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(map("reason", "security incident at the recipient"))
                .when()
                .post("/api/agreements/{id}/suspend", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUSPENDED"))
                .body("versionState", equalTo("SUSPENDED"));
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .when()
                .post("/api/agreements/{id}/activate", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACTIVE"));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/history", id)
                .then()
                .body("action", hasItems("SUSPENDED", "REACTIVATED"))
                .body("find { it.action == 'SUSPENDED' }.reason", equalTo("security incident at the recipient"));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/events", id)
                .then()
                .body("items.type", hasItems("agreement.suspended", "agreement.activated"));
    }

    @Test
    void aVariationNeedsEverySignatureAgainAndTheOldVersionStaysReadable() {
        Parties p = parties();
        String id = active(p);
        Map<String, Object> varied = content(p);
        varied.put("dataCategories", list("identity.date-of-birth", "special.health", "identity.gender"));
        given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(map("content", varied, "reason", "add gender"))
                .when()
                .post("/api/agreements/{id}/variations", id)
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .body("versionState", equalTo("DRAFT"))
                .body("state", equalTo("ACTIVE"))
                .body("effectiveVersion", equalTo(1))
                .body("openVersion", equalTo(2));
        submit(id);
        sign(id, 2, signer(p.controller()));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .body("version", equalTo(1))
                .body("versionState", equalTo("ACTIVE"));

        sign(id, 2, signer(p.recipient()));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .body("version", equalTo(2))
                .body("versionState", equalTo("ACTIVE"))
                .body("content.dataCategories", hasItem("identity.gender"))
                .body("versions.state", equalTo(List.of("SUPERSEDED", "ACTIVE")));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/versions/1", id)
                .then()
                .statusCode(200)
                .body("versionState", equalTo("SUPERSEDED"))
                .body("content.dataCategories", equalTo(List.of("identity.date-of-birth", "special.health")))
                .body("parties.signed", equalTo(List.of(true, true)));
    }

    @Test
    void terminationEndsTheVersionInForceAndAnyVariationUnderWay() {
        Parties p = parties();
        String id = active(p);
        given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .when()
                .post("/api/agreements/{id}/variations", id)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(map("reason", "project ended"))
                .when()
                .post("/api/agreements/{id}/terminate", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("TERMINATED"))
                .body("versions.state", equalTo(List.of("TERMINATED", "TERMINATED")));
    }

    @Test
    void aDraftCanBeEditedWithItsEtagButNotOnceSubmitted() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        Map<String, Object> edited = content(p);
        edited.put("title", "Edited title");
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(map("content", edited))
                .when()
                .put("/api/agreements/{id}/versions/1", id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Edited title"));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .header("If-Match", "\"0\"")
                        .contentType(ContentType.JSON)
                        .body(map("content", edited))
                        .when()
                        .put("/api/agreements/{id}/versions/1", id)
                        .then()
                        .statusCode(412)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(map("content", edited))
                        .when()
                        .put("/api/agreements/{id}/versions/1", id)
                        .then()
                        .statusCode(428)
                        .extract());
        submit(id);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .header("If-Match", etag(id))
                        .contentType(ContentType.JSON)
                        .body(map("content", edited))
                        .when()
                        .put("/api/agreements/{id}/versions/1", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("version-not-draft"))
                        .extract());
    }

    @Test
    void theDatabaseRefusesToChangeAVersionPutUpForSignatureOrToRewriteHistory() throws SQLException {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        submit(id);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.executeUpdate(
                            "UPDATE agreement_version SET title = 'changed' WHERE agreement_id = '" + id + "'")))
                    .hasMessageContaining("immutable");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                            () -> s.executeUpdate("DELETE FROM agreement_history WHERE agreement_id = '" + id + "'")))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyIsNotDuplicated() {
        Parties p = parties();
        Map<String, Object> body = createRequest(content(p));
        String key = unique("key");
        String first = given().auth()
                .oauth2(dpo())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/agreements")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        given().auth()
                .oauth2(dpo())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/agreements")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(dpo())
                .queryParam("reference", body.get("reference"))
                .when()
                .get("/api/agreements")
                .then()
                .body("totalItems", equalTo(1));
    }

    // ---- bad input: a problem each, nothing changed

    @Test
    void anUnknownOrganisationIsRefused() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put(
                "parties",
                list(
                        map("organisation", p.controller(), "role", "CONTROLLER"),
                        map("organisation", "no-such-organisation", "role", "RECIPIENT")));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(createRequest(c))
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("unknown-organisation"))
                        .body("errors[0].field", equalTo("content.parties[1].organisation"))
                        .extract());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverlappingAgreementWithTheSameReferenceIsRefusedButALaterOneIsNot() {
        Parties p = parties();
        Map<String, Object> first = createRequest(content(p));
        given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(first)
                .when()
                .post("/api/agreements")
                .then()
                .statusCode(201);
        Map<String, Object> overlapping = createRequest(content(p));
        overlapping.put("reference", first.get("reference").toString().toLowerCase());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(overlapping)
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("duplicate-reference"))
                        .body("conflictingAgreement", notNullValue())
                        .extract());
        Map<String, Object> later = createRequest(content(p));
        later.put("reference", first.get("reference"));
        ((Map<String, Object>) later.get("content"))
                .put("startDate", today().plusYears(3).toString());
        ((Map<String, Object>) later.get("content"))
                .put("endDate", today().plusYears(4).toString());
        given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(later)
                .when()
                .post("/api/agreements")
                .then()
                .statusCode(201);
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("endDate", today().minusMonths(2).toString());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(createRequest(c))
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("end-before-start"))
                        .body("errors[0].field", equalTo("content.endDate"))
                        .extract());
    }

    @Test
    void aSignatureByAUserOfAnOrganisationThatIsNotAPartyIsForbidden() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        submit(id);
        // the council's DPO sees every agreement but cannot sign for two other organisations
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(403)
                        .body("code", equalTo("not-a-party"))
                        .extract());
    }

    @Test
    void aUserWhoIsNotADesignatedSignatoryOfAPartyCannotSign() {
        String id = create(demoLikeContent()).jsonPath().getString("id");
        submit(id);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("another-school-user", "partner", AgreementTestData.SCHOOLS))
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(403)
                        .body("code", equalTo("not-a-signatory"))
                        .extract());
    }

    @Test
    void signingTwiceIsRefused() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        submit(id);
        sign(id, 1, signer(p.controller()));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(signer(p.controller()))
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("already-signed"))
                        .extract());
    }

    @Test
    void signingADraftOrAnotherContentIsRefused() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(signer(p.controller()))
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("version-not-pending-signature"))
                        .extract());
        submit(id);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(signer(p.controller()))
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1, "contentHash", "0".repeat(64)))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("content-hash-mismatch"))
                        .extract());
    }

    @Test
    void activatingAnUnsignedAgreementIsRefused() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        submit(id);
        sign(id, 1, signer(p.controller()));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .header("If-Match", etag(id))
                        .when()
                        .post("/api/agreements/{id}/activate", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("signatures-missing"))
                        .body("awaitingSignature", equalTo(List.of(p.recipient())))
                        .extract());
    }

    @Test
    void varyingATerminatedAgreementIsRefused() {
        Parties p = parties();
        String id = active(p);
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(map("reason", "ended early"))
                .when()
                .post("/api/agreements/{id}/terminate", id)
                .then()
                .statusCode(200);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(map())
                        .when()
                        .post("/api/agreements/{id}/variations", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("agreement-ended"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .header("If-Match", etag(id))
                        .contentType(ContentType.JSON)
                        .body(map("reason", "again"))
                        .when()
                        .post("/api/agreements/{id}/terminate", id)
                        .then()
                        .statusCode(409)
                        .extract());
    }

    @Test
    void aSecondVariationWhileOneIsOpenIsRefused() {
        Parties p = parties();
        String id = active(p);
        given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .when()
                .post("/api/agreements/{id}/variations", id)
                .then()
                .statusCode(201);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .when()
                        .post("/api/agreements/{id}/variations", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("variation-open"))
                        .extract());
    }

    @Test
    void malformedBodiesUnknownFieldsAndUnknownCodesAreProblems() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("purposes", list("not-a-purpose"));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(createRequest(c))
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("unknown-vocabulary-code"))
                        .body("errors[0].field", equalTo("content.purposes[0]"))
                        .extract());
        Map<String, Object> body = createRequest(content(p));
        body.put("colour", "blue");
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(400)
                        .body("code", equalTo("unknown-field"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body("{\"reference\":")
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(400)
                        .extract());
        Map<String, Object> missing = content(p);
        missing.remove("retention");
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(createRequest(missing))
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(400)
                        .body("code", equalTo("validation-failed"))
                        .body("errors.field", hasItem("content.retention"))
                        .extract());
    }

    // ---- the rules at submission and activation

    @Test
    void specialCategoryDataWithoutAnArticle9ConditionIsRefusedAtSubmission() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("lawfulBases", list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e")));
        assertSubmissionRefused(c, "special-category-needs-article-9");
    }

    @Test
    void article9jWithoutItsSchedule1ConditionIsRefused() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e"),
                        map("appliesTo", "SPECIAL", "basis", "uk-gdpr-9-2-j")));
        assertSubmissionRefused(c, "article-9-needs-schedule-1-condition");
    }

    @Test
    void paperOrUnsecuredEmailForSpecialCategoryDataIsRefused() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put(
                "transfer",
                map("methods", list("encrypted-file-transfer", "unsecured-email"), "frequency", "ON_REQUEST"));
        assertSubmissionRefused(c, "insecure-transfer-of-special-data");
    }

    @Test
    void aLinkedNoticeThatIsNotPublishedIsRefused() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("linkedNotices", list(map("slug", unique("unpublished"), "version", 1)));
        assertSubmissionRefused(c, "linked-notice-not-published");
        String superseded = unique("old-notice");
        UpstreamStubs.notice(
                superseded,
                1,
                "SUPERSEDED",
                List.of(p.recipient()),
                List.of(p.controller()),
                List.of("identity.date-of-birth", "special.health"));
        c.put("linkedNotices", list(map("slug", superseded, "version", 1)));
        assertSubmissionRefused(c, "linked-notice-not-published");
    }

    @Test
    void aLinkedNoticeMustNameTheRecipientAndTheCategories() {
        Parties p = parties();
        String silent = unique("silent-notice");
        UpstreamStubs.notice(
                silent, 1, "PUBLISHED", List.of(), List.of(p.controller()), List.of("identity.date-of-birth"));
        Map<String, Object> c = content(p);
        c.put("linkedNotices", list(map("slug", silent, "version", 1)));
        var problem = assertSubmissionRefused(c, "linked-notice-missing-recipient");
        assertThat(problem.jsonPath().getList("violations.rule")).contains("linked-notice-missing-category");
        assertThat(problem.jsonPath().getString("detail")).contains(p.recipient());
    }

    @Test
    void consentUnderANoticeTheAgreementDoesNotLinkIsRefused() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("consent", map("required", true, "notice", "some-other-notice"));
        assertSubmissionRefused(c, "consent-notice-not-linked");
    }

    @Test
    void whenNoticeServiceFailsSubmissionIs503AndNothingChanges() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        UpstreamStubs.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/public/notices/.*"))
                .atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(500)));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .header("If-Match", etag(id))
                        .when()
                        .post("/api/agreements/{id}/submit", id)
                        .then()
                        .statusCode(503)
                        .header("Retry-After", "30")
                        .body("code", equalTo("notice-service-unavailable"))
                        .extract());
    }

    @Test
    void theLastSignatureIsRefusedWhenTheLinkedNoticeWasRetiredMeanwhile() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        submit(id);
        sign(id, 1, signer(p.controller()));
        UpstreamStubs.notice(
                p.notice(),
                1,
                "RETIRED",
                List.of(p.recipient()),
                List.of(p.controller()),
                List.of("identity.date-of-birth", "special.health"));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(signer(p.recipient()))
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("linked-notice-not-published"))
                        .extract());
    }

    @Test
    void whenNoticeServiceIsDownTheLastSignatureIs503AndNothingChangesButOtherRefusalsStillSayWhy() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        submit(id);
        sign(id, 1, signer(p.controller()));
        UpstreamStubs.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/public/notices/.*"))
                .atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(signer(p.recipient()))
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(503)
                        .body("code", equalTo("notice-service-unavailable"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(signer(p.controller()))
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("already-signed"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(403)
                        .extract());
        UpstreamStubs.reset();
        UpstreamStubs.notice(
                p.notice(),
                1,
                "PUBLISHED",
                List.of(p.recipient()),
                List.of(p.controller()),
                List.of("identity.date-of-birth", "special.health"));
        sign(id, 1, signer(p.recipient()));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .body("state", equalTo("ACTIVE"));
    }

    private io.restassured.response.ExtractableResponse<io.restassured.response.Response> assertSubmissionRefused(
            Map<String, Object> content, String rule) {
        String id = create(content).jsonPath().getString("id");
        return Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .header("If-Match", etag(id))
                        .when()
                        .post("/api/agreements/{id}/submit", id)
                        .then()
                        .statusCode(422)
                        .body("code", equalTo(rule))
                        .body("violations.rule", hasItem(rule))
                        .extract());
    }

    /** An agreement with the demo school, whose only signatory is the demo user "school". */
    private static Map<String, Object> demoLikeContent() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("title", "Attendance returns");
        c.put(
                "parties",
                list(
                        map("organisation", AgreementTestData.COUNCIL, "role", "CONTROLLER"),
                        map("organisation", AgreementTestData.SCHOOLS, "role", "RECIPIENT")));
        c.put("purposes", list("attainment-monitoring"));
        c.put("dataCategories", list("education.attendance"));
        c.put("dataSubjects", list("Pupils"));
        c.put("lawfulBases", list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e")));
        c.put("linkedNotices", list(map("slug", UpstreamStubs.CFE, "version", 1)));
        c.put("consent", map("required", false));
        c.put("transfer", map("methods", list("system-access"), "frequency", "CONTINUOUS"));
        c.put("retention", map("period", "Per schedule", "destruction", "Per schedule"));
        c.put("startDate", today().toString());
        c.put("reviewCycleMonths", 12);
        return c;
    }
}
