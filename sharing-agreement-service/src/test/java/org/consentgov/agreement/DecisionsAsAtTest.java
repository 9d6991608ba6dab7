package org.consentgov.agreement;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.nhsNumber;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.question;
import static org.consentgov.agreement.AgreementTestData.sign;
import static org.consentgov.agreement.AgreementTestData.signer;
import static org.consentgov.agreement.AgreementTestData.submit;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.consentgov.agreement.AgreementTestData.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.MutableClock;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decisions as at a time (valid time {@code at}, recorded time {@code decidedAt}), their replay, and disclosures
 * re-checked for their own date, with the service's clock moved by the test. Every test makes its own agreement
 * and moves the clock forward only.
 */
@QuarkusTest
@TestProfile(MovableClock.Profile.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DecisionsAsAtTest {

    static final MutableClock CLOCK = MovableClock.CLOCK;
    static final Duration HOUR = Duration.ofHours(1);

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

    // ---- decisions at a past time

    @Test
    void aDecisionAtAPastTimeUsesTheAgreementVersionInForceThenNotTheOneInForceNow() {
        Parties p = parties();
        String id = active(p);
        CLOCK.advance(HOUR);
        Instant before = CLOCK.instant();
        CLOCK.advance(HOUR);
        Map<String, Object> varied = content(p);
        varied.put("dataCategories", list("identity.date-of-birth"));
        vary(p, id, varied);
        CLOCK.advance(HOUR);

        decide(questionAt(p, "special.health", null))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("category-not-covered")))
                .body("agreement.version", equalTo(2));
        decide(questionAt(p, "special.health", before))
                .body("decision", equalTo("PERMIT"))
                .body("agreement.version", equalTo(1))
                .body("at", equalTo(before.toString()))
                .body("decidedAt", equalTo(CLOCK.instant().toString()))
                .body("noticeVersion.slug", equalTo(p.notice()))
                .body("noticeVersion.version", equalTo(1));
    }

    @Test
    void aSuspensionAfterThePastTimeAskedAboutDoesNotRefuseIt() {
        Parties p = parties();
        String id = active(p);
        CLOCK.advance(HOUR);
        Instant before = CLOCK.instant();
        CLOCK.advance(HOUR);
        suspend(id);
        CLOCK.advance(HOUR);

        decide(questionAt(p, "special.health", null))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("agreement-suspended")));
        decide(questionAt(p, "special.health", before)).body("decision", equalTo("PERMIT"));
    }

    @Test
    void beforeTheAgreementWasActivatedNoAgreementWasInForce() {
        Parties p = parties();
        Instant before = CLOCK.instant();
        CLOCK.advance(HOUR);
        active(p);
        CLOCK.advance(HOUR);

        decide(questionAt(p, "special.health", before))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("recipient-not-party")));
        decide(questionAt(p, "special.health", null)).body("decision", equalTo("PERMIT"));
    }

    @Test
    void aDecisionMoreThanFiveMinutesAheadIsRefusedAndChangesNothing() {
        Parties p = parties();
        active(p);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("integration"))
                        .contentType(ContentType.JSON)
                        .body(questionAt(p, "special.health", CLOCK.instant().plus(Duration.ofMinutes(6))))
                        .when()
                        .post("/api/sharing-decisions")
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("decision-in-future"))
                        .body("errors[0].field", equalTo("at"))
                        .extract());
        decide(questionAt(p, "special.health", CLOCK.instant().plus(Duration.ofMinutes(4))))
                .body("decision", equalTo("PERMIT"));
    }

    @Test
    void afterTheSixMonthAccessWindowOnlyAnAnonymisedDatasetIsLeft() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put(
                "accessLimit",
                map(
                        "recipients",
                        list(p.recipient()),
                        "months",
                        6,
                        "after",
                        "ANONYMISED_DATASET",
                        "description",
                        "up to six months"));
        active(p, c);
        Instant inside = CLOCK.instant().plus(Duration.ofDays(30));
        CLOCK.advance(Duration.ofDays(7 * 31));

        decide(questionAt(p, "special.health", null))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("access-window-ended")))
                .body("reasons[0].message", org.hamcrest.Matchers.containsString("an anonymised dataset only"))
                .body("obligations.size()", equalTo(0));
        decide(questionAt(p, "special.health", inside))
                .body("decision", equalTo("PERMIT"))
                .body("reasons.code", hasItem("access-window-open"))
                .body("obligations.code", hasItem("access-ends"));
    }

    // ---- replay

    @Test
    void aReplayAfterAVariationASuspensionAWithdrawalAndANewNoticeVersionGivesTheOriginalOutcome() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("consent", map("required", true, "notice", p.notice()));
        String id = active(p, c);
        String subject = "nhs-number:" + nhsNumber();
        UUID record = UUID.randomUUID();
        UpstreamStubs.consentAsKnownAt(subject, p.notice(), "research", null, true, record, 1, null);
        CLOCK.advance(HOUR);
        Instant decidedAt = CLOCK.instant();
        String decision = decide(consentQuestion(p, subject, null))
                .body("decision", equalTo("PERMIT"))
                .body("consentRecordId", equalTo(record.toString()))
                .body("consentHistoryLength", equalTo(1))
                .body("noticeVersion.version", equalTo(1))
                .extract()
                .path("decisionId");
        Map<String, Object> before =
                replay(decision).body("matches", equalTo(true)).extract().path("replayed");

        // afterwards: a variation that drops the category, a suspension, a withdrawal, a new notice version
        CLOCK.advance(HOUR);
        Map<String, Object> varied = content(p);
        varied.put("consent", map("required", true, "notice", p.notice()));
        varied.put("dataCategories", list("identity.date-of-birth"));
        vary(p, id, varied);
        CLOCK.advance(HOUR);
        suspend(id);
        CLOCK.advance(HOUR);
        UpstreamStubs.consentAsKnownAt(
                subject, p.notice(), "research", null, false, record, 2, "the consent was withdrawn");
        UpstreamStubs.consentAsKnownAt(subject, p.notice(), "research", decidedAt, true, record, 1, null);
        UpstreamStubs.noticeInForce(p.notice(), 2, "d".repeat(64), null);
        UpstreamStubs.noticeInForce(p.notice(), 1, "c".repeat(64), decidedAt);
        CLOCK.advance(HOUR);

        long decisions = rows("sharing_decision");
        long disclosures = rows("disclosure");
        replay(decision)
                .body("decisionId", equalTo(decision))
                .body("at", equalTo(decidedAt.toString()))
                .body("knownAt", equalTo(decidedAt.toString()))
                .body("matches", equalTo(true))
                .body("original.decision", equalTo("PERMIT"))
                .body("replayed.decision", equalTo("PERMIT"))
                .body("replayed.agreement.version", equalTo(1))
                .body("replayed.noticeVersion.version", equalTo(1))
                .body("replayed.consentRecordId", equalTo(record.toString()))
                .body("replayed.consentHistoryLength", equalTo(1))
                .body("replayed", equalTo(before));
        assertThat(rows("sharing_decision")).isEqualTo(decisions);
        assertThat(rows("disclosure")).isEqualTo(disclosures);
        UpstreamStubs.server.verify(getRequestedFor(urlPathEqualTo("/api/consents/check"))
                .withQueryParam("subject", WireMock.equalTo(subject))
                .withQueryParam("at", WireMock.equalTo(decidedAt.toString()))
                .withQueryParam("knownAt", WireMock.equalTo(decidedAt.toString())));

        // a new decision at the same time reflects what is known now: the withdrawal
        decide(consentQuestion(p, subject, decidedAt))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("consent-not-given")))
                .body("agreement.version", equalTo(1))
                .body("noticeVersion.version", equalTo(1))
                .body("consentRecordId", equalTo(record.toString()))
                .body("consentHistoryLength", equalTo(2));
        // and a new decision now, the suspended variation and the new notice version
        decide(consentQuestion(p, subject, null))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", hasItems("agreement-suspended", "category-not-covered"))
                .body("agreement.version", equalTo(2))
                .body("noticeVersion.version", equalTo(2));
    }

    @Test
    void aReplayWhoseAnswersChangedSaysSo() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("consent", map("required", true, "notice", p.notice()));
        active(p, c);
        String subject = "nhs-number:" + nhsNumber();
        UUID record = UUID.randomUUID();
        UpstreamStubs.consentAsKnownAt(subject, p.notice(), "research", null, true, record, 1, null);
        CLOCK.advance(HOUR);
        String decision = decide(consentQuestion(p, subject, null)).extract().path("decisionId");
        // consent-service no longer answers as it did: the replay does not pretend it matches
        UpstreamStubs.consentServiceFails(500);
        replay(decision)
                .body("matches", equalTo(false))
                .body("original.decision", equalTo("PERMIT"))
                .body("replayed.decision", equalTo("DENY"))
                .body("replayed.reasons.code", equalTo(List.of("consent-service-unavailable")));
    }

    @Test
    void aReplayIsReadLikeTheDecisionAndLogged() {
        Parties p = parties();
        active(p);
        String subject = "nhs-number:" + nhsNumber();
        String decision = decide(question(p.recipient(), list("special.health"), subject, "research"))
                .extract()
                .path("decisionId");
        long logged = accessLogRows(subject);
        replay(decision).body("matches", equalTo(true));
        assertThat(accessLogRows(subject)).isEqualTo(logged + 1);
        given().auth()
                .oauth2(token("partner", "partner", p.recipient()))
                .when()
                .get("/api/sharing-decisions/{id}/replay", decision)
                .then()
                .statusCode(200)
                .body("matches", equalTo(true));
        given().auth()
                .oauth2(token("partner", "partner", p.controller()))
                .when()
                .get("/api/sharing-decisions/{id}/replay", decision)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/sharing-decisions/{id}/replay", decision)
                .then()
                .statusCode(403);
        given().when()
                .get("/api/sharing-decisions/{id}/replay", decision)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/sharing-decisions/{id}/replay", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    // ---- disclosures under an earlier PERMIT

    @Test
    void aDisclosureAfterTheAgreementWasSuspendedIsRefusedWithTheReasonsButOneDatedBeforeIsRecorded() {
        Parties p = parties();
        String id = active(p);
        CLOCK.advance(HOUR);
        String first = permit(p);
        String second = permit(p);
        Instant decided = CLOCK.instant();
        CLOCK.advance(Duration.ofMinutes(2));
        suspend(id);
        CLOCK.advance(Duration.ofMinutes(2));

        Unchanged.by(
                dataSource,
                () -> disclose(map("decisionId", first))
                        .statusCode(409)
                        .body("code", equalTo("decision-no-longer-permits"))
                        .body("reasons.code", equalTo(List.of("agreement-suspended")))
                        .extract());
        disclose(map(
                        "decisionId",
                        second,
                        "disclosedAt",
                        decided.plusSeconds(60).toString()))
                .statusCode(201)
                .body("disclosedAt", equalTo(decided.plusSeconds(60).toString()));
    }

    @Test
    void aDisclosureUnderAVariedAgreementIsRefusedAsTheVersionReliedOnIsNoLongerInForce() {
        Parties p = parties();
        String id = active(p);
        CLOCK.advance(HOUR);
        String decision = permit(p);
        CLOCK.advance(Duration.ofMinutes(1));
        vary(p, id, content(p));
        CLOCK.advance(Duration.ofMinutes(1));
        Unchanged.by(
                dataSource,
                () -> disclose(map("decisionId", decision))
                        .statusCode(409)
                        .body("code", equalTo("decision-no-longer-permits"))
                        .body("reasons.code", equalTo(List.of("agreement-version-changed")))
                        .extract());
    }

    @Test
    void aPermitOlderThanFifteenMinutesIsStale() {
        Parties p = parties();
        active(p);
        CLOCK.advance(HOUR);
        String fresh = permit(p);
        String stale = permit(p);
        CLOCK.advance(Duration.ofMinutes(15));
        disclose(map("decisionId", fresh)).statusCode(201);
        CLOCK.advance(Duration.ofSeconds(1));
        Unchanged.by(
                dataSource,
                () -> disclose(map("decisionId", stale))
                        .statusCode(409)
                        .body("code", equalTo("decision-stale"))
                        .body("validUntil", notNullValue())
                        .extract());
    }

    @Test
    void aDisclosureDatedBeforeTheDecisionsTimeOrAheadOfNowIsRefused() {
        Parties p = parties();
        active(p);
        CLOCK.advance(HOUR);
        Instant at = CLOCK.instant().minus(Duration.ofMinutes(30));
        String decision = decide(map(
                        "recipient",
                        p.recipient(),
                        "categories",
                        list("special.health"),
                        "subject",
                        "nhs-number:" + nhsNumber(),
                        "purpose",
                        "research",
                        "transferMethod",
                        "encrypted-file-transfer",
                        "at",
                        at.toString()))
                .body("decision", equalTo("PERMIT"))
                .extract()
                .path("decisionId");
        Unchanged.by(
                dataSource,
                () -> disclose(map(
                                "decisionId",
                                decision,
                                "disclosedAt",
                                at.minusSeconds(1).toString()))
                        .statusCode(422)
                        .body("code", equalTo("disclosure-before-decision"))
                        .body("errors[0].field", equalTo("disclosedAt"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> disclose(map(
                                "decisionId",
                                decision,
                                "disclosedAt",
                                CLOCK.instant().plus(Duration.ofMinutes(6)).toString()))
                        .statusCode(422)
                        .body("code", equalTo("disclosure-in-future"))
                        .extract());
        disclose(map("decisionId", decision, "disclosedAt", at.toString())).statusCode(201);
    }

    // ---- helpers

    private static Map<String, Object> questionAt(Parties p, String category, Instant at) {
        Map<String, Object> q = question(p.recipient(), list(category), "nhs-number:" + nhsNumber(), "research");
        if (at != null) {
            q.put("at", at.toString());
        }
        return q;
    }

    private static Map<String, Object> consentQuestion(Parties p, String subject, Instant at) {
        Map<String, Object> q = questionAt(p, "special.health", at);
        q.put("subject", subject);
        return q;
    }

    private static String permit(Parties p) {
        Map<String, Object> q = questionAt(p, "special.health", null);
        q.put("transferMethod", "encrypted-file-transfer");
        return decide(q).body("decision", equalTo("PERMIT")).extract().path("decisionId");
    }

    private static ValidatableResponse decide(Map<String, Object> body) {
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201);
    }

    private static ValidatableResponse replay(String decision) {
        return given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/sharing-decisions/{id}/replay", decision)
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse disclose(Map<String, Object> body) {
        return given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/disclosures")
                .then();
    }

    private static void suspend(String id) {
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .header("Idempotency-Key", unique("suspend"))
                .contentType(ContentType.JSON)
                .body(map("reason", "security incident at the recipient"))
                .when()
                .post("/api/agreements/{id}/suspend", id)
                .then()
                .statusCode(200);
    }

    /** A variation with the content, signed by both parties: it comes into force now. */
    private static void vary(Parties p, String id, Map<String, Object> content) {
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .header("Idempotency-Key", unique("vary"))
                .contentType(ContentType.JSON)
                .body(map("content", content, "reason", "varied"))
                .when()
                .post("/api/agreements/{id}/variations", id)
                .then()
                .statusCode(201);
        submit(id);
        sign(id, 2, signer(p.controller()));
        sign(id, 2, signer(p.recipient()));
    }

    private long rows(String table) {
        return Long.parseLong(
                DatabaseFingerprint.of(dataSource, table).get(table).split(":")[0]);
    }

    private long accessLogRows(String subject) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT count(*) FROM subject_access_log WHERE subject_value = ? AND action = 'replay-decision'")) {
            s.setString(1, subject.substring(subject.indexOf(':') + 1));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
