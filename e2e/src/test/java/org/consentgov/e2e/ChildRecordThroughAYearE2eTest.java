package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.restassured.filter.log.ErrorLoggingFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.SuiteClock;
import org.consentgov.platform.testing.SuiteTestData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One child's record through a year, with the whole suite's clock set to each day of the story (README "Time"):
 * the notice a family is shown, a form signed on one day and keyed days later, a sharing under an agreement that
 * needs consent, a material change of the notice, a withdrawal the child asked for on day 13 of the window and the
 * caseworker keyed on day 15, decisions asked for past dates and replayed, a second consent that runs out, and
 * receipts that still verify at the end.
 *
 * <p>The year lies in the past (it starts on a Monday about 400 days before today), so that no scheduled job of
 * the shared suite ever sees a time ahead of today; the notice, the agreement and the child are the test's own, and
 * the clock is reset in a {@code finally}. The agreement is between the council and the university, because a
 * signature needs a user of each party and the demo realm has users of those. It is in force for the three weeks
 * of the sharing part of the story and terminated after it, and day 0 is chosen so that no earlier run's agreement
 * (the suite's database outlives a run) was in force on the same days.
 */
@E2eTest
@Order(100)
class ChildRecordThroughAYearE2eTest {

    private static final ZoneId LONDON = SuiteTestData.LONDON;
    private static final String COUNCIL = "luton-council";
    private static final String UNIVERSITY = "university-of-bedfordshire";
    private static final String PURPOSE = "research";
    private static final String SYSTEM_ACCESS = "system-access";
    private static final List<String> CATEGORIES = List.of("identity.date-of-birth");
    private static final Period CONSENT_LASTS = Period.ofMonths(6);
    private static final String REFERENCE_PREFIX = "ISA-E2E-YEAR-";
    /** The days the agreement is in force: the sharing part of the story. */
    private static final int SHARING_DAYS = 21;

    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    /** Day 0 of the story: a Monday about 400 days ago. */
    private final LocalDate start = aMondayNoEarlierRunShares();

    private final String slug = E2eTestData.uniqueSlug("e2e-year");
    private final String nhs = E2eTestData.nhsNumber();
    private final String subject = "nhs-number:" + nhs;

    private String agreementId;
    private boolean agreementEnded;
    private String firstId;
    private String firstReceipt;

    @Test
    void oneChildsRecordThroughAYear() {
        try {
            // Day 0: the council publishes the notice the family will be shown, and agrees the sharing with the
            // university, consent required.
            on(day(0));
            JsonPath v1 = publishTheNotice();
            agreeTheSharingWithTheUniversity();

            // Day 3 the form is issued, day 5 the child and her mother sign it, day 6 it comes back, day 8 it is keyed.
            LocalDate issued = day(3);
            LocalDate signed = day(5);
            Instant keyed = on(day(8));
            JsonPath first = recordTheForm(v1, issued, signed, day(6));
            firstId = first.getString("id");
            assertThat(first.getString("state")).isEqualTo("ACTIVE");
            assertThat(LocalDate.parse(first.getString("givenOn"))).isEqualTo(signed);
            assertThat(Instant.parse(first.getString("effectiveFrom"))).isEqualTo(startOf(signed));
            assertThat(Instant.parse(first.getString("recordedAt"))).isBetween(keyed, keyed.plusSeconds(60));
            // the window counts from the day the form was issued (the notice says FORM_ISSUED), 14 days inclusive
            assertThat(LocalDate.parse(first.getString("withdrawalWindowEndsOn")))
                    .isEqualTo(issued.plusDays(14));
            firstReceipt = receipt(firstId);

            // Two times: the consent counts from the day it was signed, but the suite learnt of it only on day 8.
            assertThat(check(noonOf(day(6)), null).getBoolean("consented")).isTrue();
            JsonPath asKnownOnDay7 = check(noonOf(day(6)), noonOf(day(7)));
            assertThat(asKnownOnDay7.getBoolean("consented"))
                    .as("on day 7 nobody had keyed the form yet: %s", asKnownOnDay7.prettify())
                    .isFalse();

            // Day 10: the university may have the child's date of birth; the caseworker discloses it.
            on(day(10));
            JsonPath firstDecision = decide(null);
            assertThat(firstDecision.getString("decision"))
                    .as(firstDecision.prettify())
                    .isEqualTo("PERMIT");
            assertThat(firstDecision.getString("consentRecordId")).isEqualTo(firstId);
            String firstDecisionId = firstDecision.getString("decisionId");
            disclose(firstDecisionId, null).statusCode(201);

            // Day 12: the council publishes version 2 of the notice, a material change (a new data category). The
            // child's consent is flagged for re-consent and the agreement for review; both stay in force.
            on(day(12));
            publishAMaterialChange(v1);
            JsonPath flagged = await(
                    "the consent flagged for re-consent",
                    () -> consent(firstId),
                    r -> r.getBoolean("reconsentRequired"));
            assertThat(flagged.getString("state")).isEqualTo("ACTIVE");
            assertThat(flagged.getBoolean("effective")).isTrue();
            await(
                    "the agreement flagged for review",
                    () -> agreement(),
                    a -> Boolean.TRUE.equals(a.get("reviewRequired")));
            assertThat(as("dpo")
                            .queryParam("reviewRequired", true)
                            .queryParam("organisation", UNIVERSITY)
                            .queryParam("size", 100)
                            .when()
                            .get("/api/agreements")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.id", String.class))
                    .as("the DPO's review list")
                    .contains(agreementId);

            // Day 16 (day 13 of the window) the child tells her caseworker she wants to stop; it is keyed on day 18
            // (day 15). The window is measured to the day she asked: withdrawn at once, not referred to the DPO.
            LocalDate asked = issued.plusDays(13);
            on(issued.plusDays(15));
            JsonPath withdrawal = withdraw(firstId, asked);
            assertThat(withdrawal.getString("outcome")).isEqualTo("WITHDRAWN");
            assertThat(withdrawal.getString("record.state")).isEqualTo("WITHDRAWN");
            assertThat(LocalDate.parse(withdrawal.getString("record.withdrawalRequestedOn")))
                    .isEqualTo(asked);

            // The consent stopped counting from the start of the day she asked, whenever that was keyed.
            assertThat(check(noonOf(asked.minusDays(1)), null).getBoolean("consented"))
                    .isTrue();
            assertThat(check(noonOf(asked.plusDays(1)), null).getBoolean("consented"))
                    .isFalse();

            // Sharing decisions for any date: the day before she asked, PERMIT; the day after, and now, DENY.
            JsonPath before = decide(noonOf(asked.minusDays(1)));
            assertThat(before.getString("decision")).as(before.prettify()).isEqualTo("PERMIT");
            JsonPath after = decide(noonOf(asked.plusDays(1)));
            assertThat(after.getString("decision")).as(after.prettify()).isEqualTo("DENY");
            assertThat(after.getList("reasons.code", String.class)).contains("consent-not-given");
            assertThat(decide(null).getString("decision")).isEqualTo("DENY");

            // The day-10 decision replayed with what was known on day 10: still PERMIT, for the same reasons.
            JsonPath replay = replay(firstDecisionId);
            assertThat(replay.getBoolean("matches")).as(replay.prettify()).isTrue();
            assertThat(replay.getString("replayed.decision")).isEqualTo("PERMIT");

            // A disclosure now under the PERMIT for the day before she asked is checked again for its own date
            // (now): the consent is withdrawn, so it is refused and nothing is recorded.
            JsonPath refused =
                    problem(disclose(before.getString("decisionId"), null), 409, "decision-no-longer-permits");
            assertThat(refused.getList("reasons.code", String.class)).contains("consent-not-given");

            // The sharing part of the story is over: the DPO terminates the agreement.
            endTheAgreement();

            // Day 40: she changes her mind again and signs a new form. It must be pinned to the version in force on
            // the day she signed (version 2): pinned to version 1 it is refused, naming version 2.
            on(day(40));
            pinnedToTheWrongVersion(v1, day(38), day(40), first.getString("subjectId"));
            JsonPath second = recordTheForm(current(), day(38), day(40), day(40));
            String secondId = second.getString("id");
            assertThat(second.getInt("notice.version")).isEqualTo(2);
            LocalDate lastDay = day(40).plus(CONSENT_LASTS);
            Instant expiresAt = startOf(lastDay.plusDays(1));
            assertThat(Instant.parse(second.getString("expiresAt"))).isEqualTo(expiresAt);

            // Six months later: effective through its last day, expired from the first second after it, even before
            // the expiry job has run; then the job moves the record to EXPIRED and says so in the change feed.
            on(noonOf(lastDay));
            assertThat(check(null, null).getBoolean("consented")).isTrue();
            long feedHead = changeFeedHead();
            SuiteClock.set(expiresAt.plusSeconds(1));
            JsonPath expired = check(null, null);
            assertThat(expired.getBoolean("consented")).isFalse();
            assertThat(String.join(" ", expired.getList("reasons", String.class)))
                    .containsIgnoringCase("expired");
            await(
                    "the second consent EXPIRED by the job",
                    () -> consent(secondId),
                    r -> "EXPIRED".equals(r.getString("state")));
            Map<String, Object> event = awaitEvent(feedHead, "org.consentgov.consent.expired", secondId);
            assertThat(event).containsEntry("subject", secondId);
        } finally {
            try {
                endTheAgreement();
            } finally {
                SuiteClock.reset();
            }
        }

        // Today: the receipt issued on day 8 verifies against the published keys, and so does one issued now.
        verifies(firstReceipt, firstId);
        verifies(receipt(firstId), firstId);
    }

    // ---- the days of the story

    /**
     * Day 0: the Monday about 400 days ago, or, when an earlier run's agreement (its reference names its day 0) was in
     * force near it, a Monday further back. The suite's database outlives a run, and two agreements with the
     * university for the same purpose in force on the same day would make the decisions ask about the other one.
     */
    private static LocalDate aMondayNoEarlierRunShares() {
        List<LocalDate> taken = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonPath answer = as("dpo")
                    .queryParam("organisation", UNIVERSITY)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .when()
                    .get("/api/agreements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages = answer.getInt("totalPages");
            for (String reference : answer.getList("items.reference", String.class)) {
                if (reference.startsWith(REFERENCE_PREFIX)) {
                    try {
                        taken.add(LocalDate.parse(
                                reference.substring(REFERENCE_PREFIX.length(), REFERENCE_PREFIX.length() + 10)));
                    } catch (RuntimeException e) {
                        // not one of this test's day-0 references
                    }
                }
            }
        }
        LocalDate monday =
                SuiteTestData.today().minusDays(400).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (true) {
            LocalDate candidate = monday;
            if (taken.stream().noneMatch(t -> Math.abs(t.toEpochDay() - candidate.toEpochDay()) <= SHARING_DAYS + 7)) {
                return candidate;
            }
            monday = monday.minusWeeks(5);
        }
    }

    private LocalDate day(int n) {
        return start.plusDays(n);
    }

    private static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(LONDON).toInstant();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    /** Sets the whole suite's clock to noon (London) of that day. */
    private static Instant on(LocalDate day) {
        return on(noonOf(day));
    }

    private static Instant on(Instant instant) {
        SuiteClock.set(instant);
        return instant;
    }

    // ---- the notice

    private JsonPath publishTheNotice() {
        as("editor")
                .body(E2eTestData.newNotice(slug, noticeContent(CATEGORIES)))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        publish(1);
        return current();
    }

    private void publishAMaterialChange(JsonPath v1) {
        List<String> categories = new ArrayList<>(CATEGORIES);
        categories.add("identity.gender");
        as("editor")
                .body(Map.of("content", noticeContent(categories)))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
        JsonPath v2 = publish(2);
        assertThat(v2.getBoolean("materialChange")).isTrue();
        assertThat(v2.getString("contentHash")).isNotEqualTo(v1.getString("contentHash"));
    }

    private JsonPath publish(int number) {
        String etag = etag(as("dpo").when().get("/api/notices/{slug}/versions/{n}", slug, number));
        return change("dpo", etag)
                .body(Map.of())
                .when()
                .post("/api/notices/{slug}/versions/{n}/publish", slug, number)
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .extract()
                .jsonPath();
    }

    /** The version in force as the public reads it. */
    private JsonPath current() {
        return anonymous()
                .accept("application/json")
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * A research notice of the council, naming the university as recipient, that asks for consent: withdrawal within
     * 14 days of the form's issue, consent lasting six months.
     */
    private Map<String, Object> noticeContent(List<String> categories) {
        Map<String, Object> content = SuiteTestData.noticeContent(
                "Research with the university (" + slug + ")",
                "Luton Borough Council",
                COUNCIL,
                E2eTestData.map("name", "University of Bedfordshire", "organisationType", "university"),
                UNIVERSITY);
        content.put(
                "purposes",
                E2eTestData.list(E2eTestData.map(
                        "code", PURPOSE, "description", "Research with the university into children's services")));
        content.put("dataCategories", new ArrayList<>(categories));
        content.put(
                "consent",
                E2eTestData.map(
                        "requiredParties",
                        E2eTestData.list("child"),
                        "parentOrCarer",
                        "WHERE_NEEDED",
                        "withdrawalWindowDays",
                        14,
                        "withdrawalWindowStartsOn",
                        "FORM_ISSUED",
                        "withdrawalChannels",
                        E2eTestData.list("telling your caseworker"),
                        "effectOfWithdrawal",
                        "Withdrawal stops new use of your information; what was already shared is not undone",
                        "consentDuration",
                        CONSENT_LASTS.toString(),
                        "description",
                        "Consent to take part, for six months; you can withdraw within two weeks of being given the form"));
        return content;
    }

    // ---- the agreement

    private void agreeTheSharingWithTheUniversity() {
        Map<String, Object> content = SuiteTestData.agreementContent(
                "Research with the university (" + slug + ")", COUNCIL, UNIVERSITY, slug);
        content.put("purposes", E2eTestData.list(PURPOSE));
        content.put("dataCategories", new ArrayList<>(CATEGORIES));
        content.put(
                "consent",
                E2eTestData.map(
                        "required",
                        true,
                        "notice",
                        slug,
                        "description",
                        "The child's consent to take part in the research"));
        content.put("startDate", day(0).toString());
        // the sharing part of the story is over by day 18; the agreement ends then, so that the agreements of earlier
        // runs (the suite's database outlives a run) are never in force on the same days as this one
        content.put("endDate", day(SHARING_DAYS).toString());
        String reference = (REFERENCE_PREFIX + start + "-" + slug.substring(slug.lastIndexOf('-') + 1)).toUpperCase();
        agreementId = change("dpo", null)
                .body(SuiteTestData.agreementRequest(reference, content))
                .when()
                .post("/api/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        change("dpo", agreementEtag())
                .body(Map.of())
                .when()
                .post("/api/agreements/{id}/submit", agreementId)
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING_SIGNATURE"));
        for (String signer : List.of("dpo", "researcher")) {
            change(signer, agreementEtag(signer))
                    .body(Map.of("version", 1))
                    .when()
                    .post("/api/agreements/{id}/signatures", agreementId)
                    .then()
                    .statusCode(201);
        }
        assertThat(agreement().getString("state")).isEqualTo("ACTIVE");
    }

    private JsonPath agreement() {
        return as("dpo")
                .when()
                .get("/api/agreements/{id}", agreementId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String agreementEtag() {
        return agreementEtag("dpo");
    }

    private String agreementEtag(String user) {
        return etag(as(user).when().get("/api/agreements/{id}", agreementId));
    }

    /** Terminates the test's agreement once, at whatever time the suite's clock says, so it is in force for nobody. */
    private void endTheAgreement() {
        if (agreementId == null || agreementEnded) {
            return;
        }
        agreementEnded = true;
        change("dpo", agreementEtag())
                .body(Map.of("reason", "The research project has ended"))
                .when()
                .post("/api/agreements/{id}/terminate", agreementId)
                .then()
                .statusCode(200)
                .body("state", equalTo("TERMINATED"));
    }

    // ---- consents

    private JsonPath recordTheForm(JsonPath version, LocalDate issued, LocalDate signed, LocalDate received) {
        return change("caseworker", null)
                .body(form(version.getInt("version"), version.getString("contentHash"), issued, signed, received))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private void pinnedToTheWrongVersion(JsonPath v1, LocalDate issued, LocalDate signed, String subjectId) {
        JsonPath refused = problem(
                change("caseworker", null)
                        .body(form(v1.getInt("version"), v1.getString("contentHash"), issued, signed, signed))
                        .when()
                        .post("/api/consents")
                        .then(),
                422,
                "notice-version-not-in-force");
        assertThat(refused.getInt("versionInForce")).as(refused.prettify()).isEqualTo(2);
        assertThat(refused.getString("givenOn")).isEqualTo(signed.toString());
        as("caseworker")
                .queryParam("subject", subjectId)
                .queryParam("notice", slug)
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
    }

    /** The paper form: the child (13) and her mother agree on the day they sign. */
    private Map<String, Object> form(
            int version, String contentHash, LocalDate issued, LocalDate signed, LocalDate received) {
        Map<String, Object> form = SuiteTestData.consentRequest(
                SuiteTestData.subject(nhs, start.minusYears(13).minusMonths(2)),
                SuiteTestData.notice(slug, version, contentHash),
                PURPOSE,
                E2eTestData.list(
                        E2eTestData.map("role", "child", "decision", "GIVEN", "decidedOn", signed.toString()),
                        E2eTestData.map(
                                "role",
                                "parent",
                                "relationship",
                                "mother",
                                "decision",
                                "GIVEN",
                                "decidedOn",
                                signed.toString())),
                issued,
                received,
                "e2e year form " + nhs + " " + signed);
        form.put("givenOn", signed.toString());
        return form;
    }

    private JsonPath withdraw(String id, LocalDate requestedOn) {
        String etag = etag(as("caseworker").when().get("/api/consents/{id}", id));
        return change("caseworker", etag)
                .body(E2eTestData.map(
                        "requestedBy",
                        "child",
                        "channel",
                        "told their caseworker",
                        "reason",
                        "Asked her caseworker on " + requestedOn + "; keyed after the caseworker's leave",
                        "requestedOn",
                        requestedOn.toString()))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath consent(String id) {
        return as("caseworker")
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** consent-service's answer for the child, the notice and the purpose: at a valid time, as known at a time. */
    private JsonPath check(Instant at, Instant knownAt) {
        RequestSpecification request = as("caseworker")
                .queryParam("subject", subject)
                .queryParam("notice", slug)
                .queryParam("purpose", PURPOSE);
        if (at != null) {
            request.queryParam("at", at.toString());
        }
        if (knownAt != null) {
            request.queryParam("knownAt", knownAt.toString());
        }
        return request.when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    // ---- sharing

    private JsonPath decide(Instant at) {
        Map<String, Object> question = E2eTestData.map(
                "recipient", UNIVERSITY, "categories", CATEGORIES, "subject", subject, "purpose", PURPOSE);
        if (at != null) {
            question.put("at", at.toString());
        }
        return as("caseworker")
                .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
                .body(question)
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private ValidatableResponse disclose(String decisionId, Instant disclosedAt) {
        Map<String, Object> body = E2eTestData.map("decisionId", decisionId, "transferMethod", SYSTEM_ACCESS);
        if (disclosedAt != null) {
            body.put("disclosedAt", disclosedAt.toString());
        }
        return change("caseworker", null)
                .body(body)
                .when()
                .post("/api/disclosures")
                .then();
    }

    private JsonPath replay(String decisionId) {
        return as("dpo")
                .when()
                .get("/api/sharing-decisions/{id}/replay", decisionId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    // ---- receipts

    private static String receipt(String id) {
        return as("caseworker")
                .accept("application/jose")
                .when()
                .get("/api/consents/{id}/receipt", id)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .strip();
    }

    /** Verifies the compact JWS offline against consent-service's published keys, by its kid. */
    private static void verifies(String jws, String recordId) {
        String jwks = anonymous()
                .accept("application/jwk-set+json")
                .when()
                .get("/api/consents/receipts/jwks.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            JWSObject receipt = JWSObject.parse(jws);
            JWKSet keys = JWKSet.parse(jwks);
            String kid = receipt.getHeader().getKeyID();
            JWK key = kid != null ? keys.getKeyByKeyId(kid) : keys.getKeys().get(0);
            assertThat(key).as("key %s in %s", kid, jwks).isNotNull();
            java.security.Key publicKey = key.toPublicJWK() instanceof com.nimbusds.jose.jwk.AsymmetricJWK asymmetric
                    ? asymmetric.toPublicKey()
                    : null;
            assertThat(publicKey).as("a public key: %s", key).isNotNull();
            assertThat(receipt.verify(
                            new DefaultJWSVerifierFactory().createJWSVerifier(receipt.getHeader(), publicKey)))
                    .as("the receipt verifies with key %s", kid)
                    .isTrue();
            assertThat(receipt.getPayload().toString()).contains(recordId);
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError("receipt does not verify: " + e.getMessage(), e);
        }
    }

    // ---- the change feed

    /** The position of the last event in consent-service's change feed (found in a few reads, not a full walk). */
    private static long changeFeedHead() {
        long empty = 1;
        while (!feed(empty - 1, 1).getList("items").isEmpty()) {
            empty *= 2;
        }
        long low = empty / 2; // a position with events after it (or 0)
        long high = empty; // none after it
        while (high - low > 1) {
            long mid = (low + high) / 2;
            if (feed(mid, 1).getList("items").isEmpty()) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return low;
    }

    private static Map<String, Object> awaitEvent(long after, String type, String subject) {
        Instant deadline = Instant.now().plus(DELIVERY_DEADLINE);
        long position = after;
        List<String> seen = new ArrayList<>();
        while (true) {
            JsonPath page = feed(position, 500);
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> event : items) {
                seen.add(event.get("type") + " " + event.get("subject"));
                if (type.equals(event.get("type")) && subject.equals(event.get("subject"))) {
                    return event;
                }
            }
            position = page.getLong("next");
            if (items.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(
                            "no " + type + " for " + subject + " in the change feed after " + after + ": " + seen);
                }
                LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            }
        }
    }

    private static JsonPath feed(long after, int limit) {
        return as("dpo")
                .queryParam("after", after)
                .queryParam("limit", limit)
                .when()
                .get("/api/consents/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    // ---- requests

    /** As the user, through the gateway; an error answer is printed, so a failure shows what the suite said. */
    private static RequestSpecification as(String user) {
        return Gateway.as(user).filter(new ErrorLoggingFilter());
    }

    private static RequestSpecification anonymous() {
        return Gateway.anonymous().filter(new ErrorLoggingFilter());
    }

    private static JsonPath problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(Gateway.PROBLEM_JSON)
                .body("type", equalTo(Gateway.PROBLEM_TYPE_BASE + code))
                .extract()
                .jsonPath();
    }

    /** A change: as the user, with a fresh Idempotency-Key and, for a change of an existing resource, its ETag. */
    private static RequestSpecification change(String user, String etag) {
        RequestSpecification request = as(user).header("Idempotency-Key", "e2e-" + UUID.randomUUID());
        return etag == null ? request : request.header("If-Match", etag);
    }

    private static String etag(Response response) {
        response.then().statusCode(200);
        String etag = response.header("ETag");
        assertThat(etag).as("ETag").isNotBlank();
        return etag;
    }

    /** Polls until the condition holds (an event is delivered between services), or fails with the last answer. */
    private static JsonPath await(String what, java.util.function.Supplier<JsonPath> read, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(DELIVERY_DEADLINE);
        JsonPath last;
        do {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(what + ": not within " + DELIVERY_DEADLINE + ": " + last.prettify());
    }
}
