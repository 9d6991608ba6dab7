package org.consentgov.agreement;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.SuiteTestData;
import org.consentgov.platform.testing.TestTokens;

/**
 * Small factories for the API tests: tokens, organisations, agreement content as JSON maps (so that tests can
 * break them), and the few calls that set up an agreement in a given state. Every test makes its own data.
 */
public final class AgreementTestData {

    public static final String AUDIENCE = "sharing-agreement-service";
    public static final ZoneId LONDON = SuiteTestData.LONDON;
    public static final String COUNCIL = SuiteTestData.COUNCIL;
    public static final String UNIVERSITY = "university-of-bedfordshire";
    public static final String SCHOOLS = SuiteTestData.SCHOOLS;
    public static final String POLICE = "bedfordshire-police";

    private AgreementTestData() {}

    public static String token(String role) {
        return TestTokens.token(role + "-user", role, COUNCIL, AUDIENCE);
    }

    public static String token(String user, String role, String org) {
        return TestTokens.token(user, role, org, AUDIENCE);
    }

    public static String dpo() {
        return token("dpo");
    }

    /** A user of the organisation who may sign for it (the test organisations name no signatories). */
    public static String signer(String org) {
        return token("signer-of-" + org, "partner", org);
    }

    public static LocalDate today() {
        return SuiteTestData.today();
    }

    public static String unique(String prefix) {
        return SuiteTestData.unique(prefix);
    }

    /** A fresh valid NHS number (modulus 11), so that tests never share a subject. */
    public static String nhsNumber() {
        return SuiteTestData.nhsNumber();
    }

    public static String organisation(String type) {
        String slug = unique("org");
        given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(SuiteTestData.organisation(slug, "Test organisation " + slug, type))
                .when()
                .post("/api/organisations")
                .then()
                .statusCode(201);
        return slug;
    }

    /** Two fresh organisations and a published notice naming them and the content's categories. */
    public record Parties(String controller, String recipient, String notice) {}

    public static Parties parties() {
        String controller = organisation("local-authority");
        String recipient = organisation("university");
        String notice = unique("notice");
        UpstreamStubs.notice(
                notice,
                1,
                "PUBLISHED",
                List.of(recipient),
                List.of(controller),
                List.of("identity.date-of-birth", "identity.gender", "special.health", "special.ethnicity"));
        return new Parties(controller, recipient, notice);
    }

    /** A valid research agreement between the parties: special category data, Art 9(2)(j) with its Schedule 1 condition. */
    public static Map<String, Object> content(Parties p) {
        Map<String, Object> c =
                SuiteTestData.agreementContent("Test research agreement", p.controller(), p.recipient(), p.notice());
        c.put("purposes", list("research"));
        c.put("dataCategories", list("identity.date-of-birth", "special.health"));
        c.put("dataSubjects", list("Children who take part"));
        c.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e"),
                        map("appliesTo", "SPECIAL", "basis", "uk-gdpr-9-2-j"),
                        map("appliesTo", "SPECIAL", "basis", "dpa-2018-sch1-p1-4")));
        c.put(
                "transfer",
                map(
                        "methods",
                        list("encrypted-file-transfer"),
                        "forbiddenMethods",
                        list("paper"),
                        "frequency",
                        "ON_REQUEST"));
        return c;
    }

    public static Map<String, Object> createRequest(Map<String, Object> content) {
        return SuiteTestData.agreementRequest(unique("ISA"), content);
    }

    public static ExtractableResponse<Response> create(Map<String, Object> content) {
        return given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(createRequest(content))
                .when()
                .post("/api/agreements")
                .then()
                .statusCode(201)
                .extract();
    }

    public static ExtractableResponse<Response> read(String id) {
        return given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .statusCode(200)
                .extract();
    }

    public static String etag(String id) {
        return read(id).header("ETag");
    }

    public static ExtractableResponse<Response> submit(String id) {
        return given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .when()
                .post("/api/agreements/{id}/submit", id)
                .then()
                .statusCode(200)
                .extract();
    }

    public static ExtractableResponse<Response> sign(String id, int version, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag(id))
                .body(map("version", version))
                .when()
                .post("/api/agreements/{id}/signatures", id)
                .then()
                .statusCode(201)
                .extract();
    }

    /** Creates, submits and has both parties sign: the agreement comes into force. Returns its id. */
    public static String active(Parties p, Map<String, Object> content) {
        String id = create(content).jsonPath().getString("id");
        submit(id);
        sign(id, 1, signer(p.controller()));
        sign(id, 1, signer(p.recipient()));
        return id;
    }

    public static String active(Parties p) {
        return active(p, content(p));
    }

    /** A sharing question: may the recipient have these categories about the subject for the purpose (now)? */
    public static Map<String, Object> question(
            String recipient, List<String> categories, String subject, String purpose) {
        return map("recipient", recipient, "categories", categories, "subject", subject, "purpose", purpose);
    }

    /** The question of a disclosure made at once by system access: a PERMIT is recorded as a disclosure. */
    public static Map<String, Object> disclosure(
            String recipient, List<String> categories, String subject, String purpose) {
        Map<String, Object> q = question(recipient, categories, subject, purpose);
        q.put("record", true);
        q.put("transferMethod", "system-access");
        return q;
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return SuiteTestData.list(items);
    }

    public static Map<String, Object> map(Object... pairs) {
        return SuiteTestData.map(pairs);
    }
}
