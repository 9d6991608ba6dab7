package org.consentgov.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.consentgov.platform.testing.SuiteTestData;

/**
 * The set-up data the tests need, made through the services' own APIs with the roles the demo realm gives: notices
 * drafted and published, consents, organisations and agreements. Every call makes fresh data (new slugs, NHS
 * numbers, references), so tests never depend on each other.
 */
public final class Fixtures {

    public static final String COUNCIL = SuiteTestData.COUNCIL;
    public static final String SCHOOLS = SuiteTestData.SCHOOLS;
    public static final String RESEARCH_NOTICE = SuiteTestData.RESEARCH_NOTICE;
    public static final String RESEARCH_PURPOSE = SuiteTestData.RESEARCH_PURPOSE;
    /** The demo ISA between the council and Luton Schools (public task: no consent asked). */
    public static final String EYES_ISA = "ISA-LBC-LUTON-SCHOOLS-EYES";

    public static final String RESEARCH_ISA = "ISA-LBC-UOB-WIMTM";

    /** How long a set-up step may wait for the services' background work (a webhook attempt). */
    static final Duration WAIT = Duration.ofSeconds(30);

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

    /** The editor drafts a notice that names the organisations, valid for publication: its version 1. */
    public void draftNotice(String slug, String controller, String recipient) {
        editor().post(
                        "/api/notices",
                        map("slug", slug, "content", noticeContent("Notice " + slug, controller, recipient)))
                .expect(201);
    }

    /** The editor drafts a notice that names the organisations; the DPO publishes it. Answers the published version. */
    public JsonNode publishedNotice(String slug, String controller, String recipient) {
        draftNotice(slug, controller, recipient);
        return noticeDpo()
                .header("If-Match", noticeVersionEtag(slug, 1))
                .post("/api/notices/" + slug + "/versions/1/publish", map())
                .expect(200)
                .json();
    }

    /** A notice version's current ETag, for If-Match. */
    public String noticeVersionEtag(String slug, int number) {
        return noticeDpo()
                .get("/api/notices/" + slug + "/versions/" + number)
                .expect(200)
                .header("ETag");
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
        return SuiteTestData.noticeContent(
                title,
                "Controller " + controller,
                controller,
                map("name", "Recipient " + recipient, "organisationType", "university"),
                recipient);
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
        return SuiteTestData.childAndParentConsent(
                nhsNumber, noticeVersion, contentHash, today(), "reliability form " + nhsNumber);
    }

    /** Records a consent; answers the record. */
    public JsonNode consent(String nhsNumber) {
        return caseworker()
                .post("/api/consents", consentRequest(nhsNumber))
                .expect(201)
                .json();
    }

    /** A consent recorded with its form received {@code daysAgo} days ago (20: past the two-week window). */
    public JsonNode consentReceived(String nhsNumber, int daysAgo) {
        JsonNode notice = currentNotice(RESEARCH_NOTICE);
        return caseworker()
                .post(
                        "/api/consents",
                        SuiteTestData.childAndParentConsent(
                                nhsNumber,
                                notice.path("version").asInt(),
                                notice.path("contentHash").asText(),
                                today().minusDays(daysAgo),
                                "reliability form " + nhsNumber))
                .expect(201)
                .json();
    }

    /** A consent with the child's decision only: the parent's is missing (a party to add). */
    public JsonNode consentMissingTheParent(String nhsNumber) {
        JsonNode notice = currentNotice(RESEARCH_NOTICE);
        return caseworker()
                .post(
                        "/api/consents",
                        SuiteTestData.consentRequest(
                                SuiteTestData.subject(
                                        nhsNumber, today().minusYears(12).minusMonths(4)),
                                SuiteTestData.notice(
                                        RESEARCH_NOTICE,
                                        notice.path("version").asInt(),
                                        notice.path("contentHash").asText()),
                                SuiteTestData.RESEARCH_PURPOSE,
                                list(map("role", "child", "decision", "GIVEN", "decidedOn", today().toString())),
                                today().minusDays(1),
                                today(),
                                "reliability form " + nhsNumber))
                .expect(201)
                .json();
    }

    /** A consent record's current ETag, for If-Match. */
    public String consentEtag(String id) {
        return consentDpo().get("/api/consents/" + id).expect(200).header("ETag");
    }

    /** A late withdrawal request's current ETag, for If-Match on its resolution. */
    public String withdrawalRequestEtag(String id) {
        return consentDpo()
                .get("/api/consents/withdrawal-requests/" + id)
                .expect(200)
                .header("ETag");
    }

    // ---- agreements

    public String organisation(String type) {
        String slug = unique("org");
        agreementDpo()
                .post("/api/organisations", SuiteTestData.organisation(slug, "Organisation " + slug, type))
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
        return SuiteTestData.agreementContent("Reliability test agreement", p.controller(), p.recipient(), p.notice());
    }

    public static Map<String, Object> agreementRequest(Parties p) {
        return SuiteTestData.agreementRequest(unique("ISA-REL").toUpperCase(), agreementContent(p));
    }

    /** A complete draft agreement between the parties, ready to be put up for signature; answers its id. */
    public String draftAgreement(Parties p) {
        return agreementDpo()
                .post("/api/agreements", agreementRequest(p))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    /** An agreement's current ETag, for If-Match. */
    public String agreementEtag(String id) {
        return agreementDpo().get("/api/agreements/" + id).expect(200).header("ETag");
    }

    /** A draft agreement put up for signature; answers its id. */
    public String submittedAgreement(Parties p) {
        String id = draftAgreement(p);
        agreementDpo()
                .header("If-Match", agreementEtag(id))
                .post("/api/agreements/" + id + "/submit", null)
                .expect(200);
        return id;
    }

    /** An agreement in force: submitted and signed by both parties. */
    public String activeAgreement(Parties p) {
        String id = submittedAgreement(p);
        for (String party : List.of(p.controller(), p.recipient())) {
            signerOf(party)
                    .header("If-Match", agreementEtag(id))
                    .post("/api/agreements/" + id + "/signatures", map("version", 1))
                    .expect(201);
        }
        return id;
    }

    /** An agreement that was in force and is suspended: one to activate again. */
    public String suspendedAgreement(Parties p) {
        String id = activeAgreement(p);
        agreementDpo()
                .header("If-Match", agreementEtag(id))
                .post("/api/agreements/" + id + "/suspend", map("reason", "reliability: suspended to reactivate"))
                .expect(200);
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

    // ---- webhook subscriptions (the same API under each service's prefix, e.g. /api/notices)

    /** A delivery the dispatcher has given up on, and the etag a redelivery sends in If-Match. */
    public record ParkedDelivery(String subscription, String delivery, String etag) {}

    /**
     * A parked delivery of one event about {@code aggregate} (made by {@code event}) to a fresh subscription whose
     * target refuses every connection (the discard port on loopback). The suite's dispatcher never parks by itself
     * (EVENTS_MAX_ATTEMPTS=1000), so once the first attempt has failed the delivery is parked in the database as
     * the dispatcher parks one after its last attempt (its lease dropped, so an attempt in flight records nothing).
     */
    public ParkedDelivery parkedDelivery(
            Api dpo, String prefix, String database, String eventType, Supplier<String> event) {
        String subscription = dpo.post(
                        prefix + "/subscriptions",
                        subscription("http://127.0.0.1:9/hooks/" + UUID.randomUUID(), eventType))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String aggregate = event.get();
        Postgres db = suite.postgres();
        String delivery = Poll.value(
                "a failed attempt to deliver " + eventType + " of " + aggregate,
                WAIT,
                () -> db
                        .column(
                                database,
                                "SELECT id FROM webhook_delivery WHERE subscription_id = ?::uuid AND aggregate_id = ? "
                                        + "AND attempts > 0",
                                subscription,
                                aggregate)
                        .stream()
                        .findFirst()
                        .orElse(null));
        db.execute(
                database,
                "UPDATE webhook_delivery SET status = 'PARKED', claim_token = NULL WHERE id = ?::uuid",
                delivery);
        String etag = null;
        for (JsonNode d : dpo.get(prefix + "/subscriptions/" + subscription + "/deliveries?status=PARKED")
                .expect(200)
                .json()
                .path("items")) {
            if (d.path("id").asText().equals(delivery)) {
                etag = d.path("etag").asText();
            }
        }
        if (etag == null) {
            throw new AssertionError("delivery " + delivery + " is not in the log as PARKED");
        }
        return new ParkedDelivery(subscription, delivery, etag);
    }

    /** Deactivates a subscription (with its ETag in If-Match, as the API requires). */
    public static void deactivate(Api dpo, String subscriptionPath) {
        String etag = dpo.get(subscriptionPath).expect(200).header("ETag");
        dpo.header("If-Match", etag).delete(subscriptionPath).expect(204);
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
        return SuiteTestData.today();
    }

    public static String unique(String prefix) {
        return SuiteTestData.unique(prefix);
    }

    /** A valid NHS number (modulus 11) that no other test uses. */
    public static String nhsNumber() {
        return SuiteTestData.nhsNumber();
    }

    /** A valid unique pupil number (check letter first). */
    public static String upn() {
        return SuiteTestData.upn();
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return SuiteTestData.list(items);
    }

    public static Map<String, Object> map(Object... pairs) {
        return SuiteTestData.map(pairs);
    }
}
