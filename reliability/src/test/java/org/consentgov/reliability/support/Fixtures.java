package org.consentgov.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The set-up data the tests need, made through the services' own APIs with the roles the demo realm gives: notices
 * drafted and published, consents, organisations and agreements. Every call makes fresh data (new slugs, NHS
 * numbers, references), so tests never depend on each other.
 */
public final class Fixtures {

    public static final String COUNCIL = "luton-council";
    public static final String SCHOOLS = "luton-schools";
    public static final String RESEARCH_NOTICE = "what-it-means-to-me";
    public static final String RESEARCH_PURPOSE = "research-what-it-means-to-me";
    /** The demo ISA between the council and Luton Schools (public task: no consent asked). */
    public static final String EYES_ISA = "ISA-LBC-LUTON-SCHOOLS-EYES";

    public static final String RESEARCH_ISA = "ISA-LBC-UOB-WIMTM";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private final Suite suite;

    public Fixtures(Suite suite) {
        this.suite = suite;
    }

    // ---- callers

    public Api editor() {
        return Api.as(suite.notice(), "editor", "notice-editor", COUNCIL);
    }

    public Api noticeDpo() {
        return Api.as(suite.notice(), "dpo", "dpo", COUNCIL);
    }

    public Api caseworker() {
        return Api.as(suite.consent(), "caseworker", "caseworker", COUNCIL);
    }

    public Api consentDpo() {
        return Api.as(suite.consent(), "dpo", "dpo", COUNCIL);
    }

    public Api agreementDpo() {
        return Api.as(suite.agreement(), "dpo", "dpo", COUNCIL);
    }

    public Api agreementIntegration() {
        return Api.as(suite.agreement(), "service-account-eyes-integration", "integration", COUNCIL);
    }

    public Api signerOf(String organisation) {
        return Api.as(suite.agreement(), "signer-of-" + organisation, "partner", organisation);
    }

    // ---- notices

    /** The editor drafts a notice that names the organisations; the DPO publishes it. Answers the published version. */
    public JsonNode publishedNotice(String slug, String controller, String recipient) {
        editor().post(
                        "/api/notices",
                        map("slug", slug, "content", noticeContent("Notice " + slug, controller, recipient)))
                .expect(201);
        String etag = noticeDpo()
                .get("/api/notices/" + slug + "/versions/1")
                .expect(200)
                .header("ETag");
        return noticeDpo()
                .header("If-Match", etag)
                .post("/api/notices/" + slug + "/versions/1/publish", map())
                .expect(200)
                .json();
    }

    /** The current published version of a notice, as the public reads it. */
    public JsonNode currentNotice(String slug) {
        return Api.anonymous(suite.notice())
                .get("/public/notices/" + slug)
                .expect(200)
                .json();
    }

    /** A notice that passes every publication rule: ordinary personal data under public task, in English. */
    public static Map<String, Object> noticeContent(String title, String controller, String recipient) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("defaultLocale", "en");
        c.put(
                "locales",
                map(
                        "en",
                        map(
                                "title",
                                title,
                                "summary",
                                "What we do with your information",
                                "sections",
                                list(map("id", "who-we-are", "heading", "Who we are", "body", "We are the council.")),
                                "childSummary",
                                list(map(
                                        "id",
                                        "about",
                                        "heading",
                                        "About this",
                                        "body",
                                        "We keep your information safe.")))));
        c.put(
                "controllers",
                list(map("name", "Controller " + controller, "role", "CONTROLLER", "organisationId", controller)));
        c.put("dpo", map("description", "Contact the data protection officer through the council"));
        c.put("purposes", list(map("code", "statutory-service", "description", "To provide a statutory service")));
        c.put("dataCategories", list("identity.date-of-birth"));
        c.put("sources", list(map("description", "Your case record")));
        c.put(
                "lawfulBases",
                list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e", "description", "Public task")));
        c.put(
                "recipients",
                list(map(
                        "name",
                        "Recipient " + recipient,
                        "organisationType",
                        "university",
                        "organisationId",
                        recipient,
                        "role",
                        "RECIPIENT")));
        c.put("internationalTransfers", map("occurs", false));
        c.put("retention", map("description", "In line with the retention schedule"));
        c.put("automatedDecisionMaking", map("used", false, "description", "No automated decisions"));
        c.put("rights", list("access", "rectification"));
        c.put("transferMethods", map("allowed", list("system-access"), "forbidden", list("paper", "unsecured-email")));
        return c;
    }

    // ---- consents

    /**
     * A research consent for the demo notice What It Means to Me: a 12-year-old and a parent, both agreeing, the form
     * received today.
     */
    public Map<String, Object> consentRequest(String nhsNumber) {
        JsonNode notice = currentNotice(RESEARCH_NOTICE);
        return consentRequest(
                nhsNumber,
                notice.path("version").asInt(),
                notice.path("contentHash").asText());
    }

    private volatile JsonNode researchNotice;

    /** As {@link #consentRequest(String)}, with the notice version read once (so it works while notice-service is down). */
    public Map<String, Object> consentRequestCached(String nhsNumber) {
        JsonNode notice = researchNotice;
        if (notice == null) {
            notice = currentNotice(RESEARCH_NOTICE);
            researchNotice = notice;
        }
        return consentRequest(
                nhsNumber,
                notice.path("version").asInt(),
                notice.path("contentHash").asText());
    }

    public static Map<String, Object> consentRequest(String nhsNumber, int noticeVersion, String contentHash) {
        LocalDate received = today();
        LocalDate signed = received.minusDays(1);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(
                "subject",
                map(
                        "identifiers",
                        list(map("system", "nhs-number", "value", nhsNumber)),
                        "dateOfBirth",
                        today().minusYears(12).minusMonths(4).toString()));
        c.put("notice", map("slug", RESEARCH_NOTICE, "version", noticeVersion, "contentHash", contentHash));
        c.put("purposes", list(RESEARCH_PURPOSE));
        c.put(
                "parties",
                list(
                        map("role", "child", "decision", "GIVEN", "decidedOn", signed.toString()),
                        map(
                                "role",
                                "parent",
                                "relationship",
                                "mother",
                                "decision",
                                "GIVEN",
                                "decidedOn",
                                signed.toString())));
        c.put("collectionMethod", "PAPER_FORM");
        c.put("formIssuedOn", received.minusDays(7).toString());
        c.put("formReceivedOn", received.toString());
        c.put("evidenceReference", "reliability form " + nhsNumber);
        return c;
    }

    /** Records a consent; answers the record. */
    public JsonNode consent(String nhsNumber) {
        return caseworker()
                .post("/api/consents", consentRequest(nhsNumber))
                .expect(201)
                .json();
    }

    // ---- agreements

    public String organisation(String type) {
        String slug = unique("org");
        agreementDpo()
                .post("/api/organisations", map("slug", slug, "name", "Organisation " + slug, "type", type))
                .expect(201);
        return slug;
    }

    /** Two fresh organisations and a published notice that names them. */
    public record Parties(String controller, String recipient, String notice) {}

    public Parties parties() {
        String controller = organisation("local-authority");
        String recipient = organisation("university");
        String notice = unique("notice");
        publishedNotice(notice, controller, recipient);
        return new Parties(controller, recipient, notice);
    }

    /** A valid agreement between the parties for the notice's one data category under public task. */
    public static Map<String, Object> agreementContent(Parties p) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", "Reliability test agreement");
        c.put(
                "parties",
                list(
                        map("organisation", p.controller(), "role", "CONTROLLER"),
                        map("organisation", p.recipient(), "role", "RECIPIENT")));
        c.put("purposes", list("statutory-service"));
        c.put("dataCategories", list("identity.date-of-birth"));
        c.put("dataSubjects", list("Children the council supports"));
        c.put("lawfulBases", list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e")));
        c.put("legalFramework", list(map("code", "uk.data-protection-act-2018")));
        c.put("linkedNotices", list(map("slug", p.notice(), "version", 1)));
        c.put("consent", map("required", false));
        c.put(
                "transfer",
                map("methods", list("system-access"), "forbiddenMethods", list("paper"), "frequency", "ON_REQUEST"));
        c.put("securityRequirements", list(map("code", "no-paper-copies")));
        c.put("retention", map("period", "Six months", "destruction", "Secure deletion"));
        c.put("startDate", today().minusMonths(1).toString());
        c.put("endDate", today().plusYears(2).toString());
        c.put("reviewCycleMonths", 12);
        return c;
    }

    public static Map<String, Object> agreementRequest(Parties p) {
        return map("reference", unique("ISA-REL").toUpperCase(), "content", agreementContent(p));
    }

    /** A draft agreement put up for signature; answers its id. */
    public String submittedAgreement(Parties p) {
        String id = agreementDpo()
                .post("/api/agreements", agreementRequest(p))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String etag = agreementDpo().get("/api/agreements/" + id).expect(200).header("ETag");
        agreementDpo()
                .header("If-Match", etag)
                .post("/api/agreements/" + id + "/submit", null)
                .expect(200);
        return id;
    }

    /** An agreement in force: submitted and signed by both parties. */
    public String activeAgreement(Parties p) {
        String id = submittedAgreement(p);
        signerOf(p.controller())
                .post("/api/agreements/" + id + "/signatures", map("version", 1))
                .expect(201);
        signerOf(p.recipient())
                .post("/api/agreements/" + id + "/signatures", map("version", 1))
                .expect(201);
        return id;
    }

    /** The question for a PERMIT under the demo EYES ISA about a fresh pupil (asked by the council's integration). */
    public static Map<String, Object> eyesQuestion(String pupil, boolean record) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("recipient", SCHOOLS);
        q.put("categories", list("identity.name", "education.attendance", "education.send"));
        q.put("subject", pupil);
        q.put("purpose", "support-pupil-learning");
        if (record) {
            q.put("record", true);
        }
        q.put("transferMethod", "system-access");
        return q;
    }

    /** A subscription body to a target that never answers (the discard port). */
    public static Map<String, Object> subscription(String target, String... eventTypes) {
        return map(
                "targetUrl",
                target,
                "eventTypes",
                list((Object[]) eventTypes),
                "secret",
                "reliability-secret-" + UUID.randomUUID(),
                "description",
                "reliability test");
    }

    // ---- small factories

    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    /** A valid NHS number (modulus 11) that no other test uses. */
    public static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    /** A valid unique pupil number (check letter first). */
    public static String upn() {
        StringBuilder digits = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = ThreadLocalRandom.current().nextInt(10);
            digits.append(d);
            sum += d * (i + 2);
        }
        return UPN_LETTERS.charAt(sum % 23) + digits.toString();
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return new ArrayList<>(List.of(items));
    }

    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
