package org.consentgov.consent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.SuiteTestData;
import org.consentgov.platform.testing.TestTokens;

/** Small factories for consent requests, as JSON maps so that tests can also break them (built on {@link SuiteTestData}). */
public final class ConsentTestData {

    public static final String AUDIENCE = "consent-service";
    static final ZoneId LONDON = SuiteTestData.LONDON;

    private ConsentTestData() {}

    public static String token(String role) {
        return TestTokens.token(role + "-user", role, "luton-council", AUDIENCE);
    }

    public static String token(String role, String org) {
        return TestTokens.token(role + "-user", role, org, AUDIENCE);
    }

    public static LocalDate today() {
        return SuiteTestData.today();
    }

    /** A fresh valid NHS number (modulus 11), so tests never collide on one subject. */
    /** A consent record's current ETag, for If-Match, as the DPO reads it. */
    public static String etag(String recordId) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}", recordId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** A late withdrawal request's current ETag, for If-Match on its resolution. */
    public static String requestEtag(String requestId) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/withdrawal-requests/{id}", requestId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    public static String nhsNumber() {
        return SuiteTestData.nhsNumber();
    }

    public static Map<String, Object> subject(String nhsNumber) {
        return SuiteTestData.subject(nhsNumber, LocalDate.of(2012, 5, 4));
    }

    public static Map<String, Object> party(String role, String decision) {
        return map(
                "role",
                role,
                "decision",
                decision,
                "decidedOn",
                today().minusDays(1).toString());
    }

    public static Map<String, Object> competentChild(String decision) {
        Map<String, Object> p = party("child", decision);
        p.put("capacity", "GILLICK_COMPETENT");
        p.put("assessedOn", today().minusDays(2).toString());
        return p;
    }

    /** A research consent by a Gillick-competent child, form received {@code daysAgo} days ago. */
    public static Map<String, Object> researchConsent(String nhsNumber, int daysAgo) {
        return consent(
                nhsNumber,
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                "research-what-it-means-to-me",
                daysAgo,
                list(competentChild("GIVEN")));
    }

    public static Map<String, Object> consent(
            String nhsNumber,
            String slug,
            int version,
            String hash,
            String purpose,
            int daysAgo,
            List<Object> parties) {
        return SuiteTestData.consentRequest(
                subject(nhsNumber),
                SuiteTestData.notice(slug, version, hash),
                purpose,
                parties,
                today().minusDays(daysAgo + 3),
                today().minusDays(daysAgo),
                "EYES document 4711");
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return SuiteTestData.list(items);
    }

    public static Map<String, Object> map(Object... pairs) {
        return SuiteTestData.map(pairs);
    }
}
