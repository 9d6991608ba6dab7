package org.consentgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.reliability.support.Fixtures.list;
import static org.consentgov.reliability.support.Fixtures.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.consentgov.reliability.support.Api;
import org.consentgov.reliability.support.Fixtures;
import org.consentgov.reliability.support.OpenApi;
import org.consentgov.reliability.support.Postgres;
import org.consentgov.reliability.support.ServiceProcess;
import org.consentgov.reliability.support.Suite;
import org.consentgov.reliability.support.SuiteExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue E: an {@code Idempotency-Key} holds across a restart of the service. For every creating POST that takes the
 * header, as the service's own OpenAPI document lists them (so a new one cannot be forgotten: it fails here until it
 * has a case below), a valid request is sent with a key, the service process is restarted, and the same request with
 * the same key gets the same status and body (marked {@code Idempotent-Replayed}), and exactly one resource is stored.
 * notice-service and sharing-agreement-service are stopped gracefully, consent-service with {@code kill -9}; the long
 * form does both to every service.
 */
@ExtendWith(SuiteExtension.class)
class IdempotencyAcrossRestartTest {

    /** One operation's valid request, made ready (its set-up data created) before the first send. */
    record Prepared(
            Api caller, String path, String contentType, Object body, LongSupplier stored, ReplayCheck replay) {}

    /** How the replayed answer must relate to the first one. */
    interface ReplayCheck {
        void check(Api.Reply first, Api.Reply replay);
    }

    private Suite suite;

    @AfterEach
    void heal() {
        if (suite != null) {
            suite.heal();
        }
    }

    @Test
    void noticeServiceRepliesTheFirstAnswerAfterAGracefulRestart(Suite suite) {
        this.suite = suite;
        keysHoldAcrossRestart(suite, suite.notice(), false);
        if (Suite.longForm()) {
            keysHoldAcrossRestart(suite, suite.notice(), true);
        }
    }

    @Test
    void consentServiceRepliesTheFirstAnswerAfterKill9(Suite suite) {
        this.suite = suite;
        keysHoldAcrossRestart(suite, suite.consent(), true);
        if (Suite.longForm()) {
            keysHoldAcrossRestart(suite, suite.consent(), false);
        }
    }

    @Test
    void sharingAgreementServiceRepliesTheFirstAnswerAfterAGracefulRestart(Suite suite) {
        this.suite = suite;
        keysHoldAcrossRestart(suite, suite.agreement(), false);
        if (Suite.longForm()) {
            keysHoldAcrossRestart(suite, suite.agreement(), true);
        }
    }

    private void keysHoldAcrossRestart(Suite suite, ServiceProcess service, boolean kill9) {
        Map<String, Function<Fixtures, Prepared>> cases = cases(suite);
        List<OpenApi.Operation> operations = OpenApi.idempotentPosts(service);
        assertThat(operations)
                .as("POST operations of %s that take Idempotency-Key", service.name())
                .isNotEmpty();
        List<String> unknown = operations.stream()
                .map(op -> op.service() + " POST " + op.path())
                .filter(k -> !cases.containsKey(k))
                .toList();
        assertThat(unknown)
                .as("operations with an Idempotency-Key that this test has no valid request for: add a case to "
                        + "IdempotencyAcrossRestartTest.cases")
                .isEmpty();

        Fixtures fixtures = new Fixtures(suite);
        Map<OpenApi.Operation, Prepared> prepared = new LinkedHashMap<>();
        Map<OpenApi.Operation, String> keys = new LinkedHashMap<>();
        Map<OpenApi.Operation, Api.Reply> first = new LinkedHashMap<>();
        for (OpenApi.Operation op : operations) {
            Prepared p = cases.get(op.service() + " POST " + op.path()).apply(fixtures);
            String key = "reliability-" + UUID.randomUUID();
            Api.Reply reply = send(p, key);
            assertThat(reply.status())
                    .as("%s first answer: %s", op, reply.body())
                    .isBetween(200, 202);
            assertThat(p.stored().getAsLong())
                    .as("%s: stored after the first request", op)
                    .isEqualTo(1);
            prepared.put(op, p);
            keys.put(op, key);
            first.put(op, reply);
        }

        service.restart(kill9);

        List<String> failures = new ArrayList<>();
        for (OpenApi.Operation op : operations) {
            Prepared p = prepared.get(op);
            Api.Reply replay = send(p, keys.get(op));
            try {
                p.replay().check(first.get(op), replay);
                assertThat(p.stored().getAsLong())
                        .as("%s: resources stored after the replay", op)
                        .isEqualTo(1);
            } catch (AssertionError e) {
                failures.add(op + " after " + (kill9 ? "kill -9" : "a graceful stop") + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Api.Reply send(Prepared p, String key) {
        Api caller = p.caller().header("Idempotency-Key", key);
        return p.contentType() == null
                ? caller.post(p.path(), p.body())
                : caller.postRaw(p.path(), p.contentType(), (String) p.body());
    }

    /** The same status, body and Location, marked as replayed. */
    static void sameAnswer(Api.Reply first, Api.Reply replay) {
        assertThat(replay.status())
                .as("status of the replay (%s)", replay.body())
                .isEqualTo(first.status());
        assertThat(replay.json()).as("body of the replay").isEqualTo(first.json());
        assertThat(replay.header("Location")).as("Location of the replay").isEqualTo(first.header("Location"));
        assertThat(replay.header("Idempotent-Replayed"))
                .as("Idempotent-Replayed")
                .isEqualTo("true");
    }

    /**
     * The streamed import's documented replay: a new import of the same file under the same key records nothing and
     * counts every line as replayed.
     */
    static void sameStreamedImport(Api.Reply first, Api.Reply replay) {
        assertThat(replay.status())
                .as("status of the replayed import (%s)", replay.body())
                .isEqualTo(first.status());
        JsonNode before = first.json();
        JsonNode after = replay.json();
        assertThat(before.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(before.path("created").asLong()).isEqualTo(1);
        assertThat(after.path("state").asText()).as("replay: %s", after).isEqualTo("COMPLETED");
        assertThat(after.path("created").asLong()).as("replay: %s", after).isZero();
        assertThat(after.path("replayed").asLong()).as("replay: %s", after).isEqualTo(1);
        assertThat(after.path("rejected").asLong()).as("replay: %s", after).isZero();
    }

    /** A valid request for every idempotent POST of the suite, keyed "service POST path" as in the OpenAPI document. */
    static Map<String, Function<Fixtures, Prepared>> cases(Suite suite) {
        Postgres db = suite.postgres();
        Map<String, Function<Fixtures, Prepared>> cases = new LinkedHashMap<>();

        // ---- notice-service
        cases.put("notice-service POST /api/notices", f -> {
            String slug = Fixtures.unique("idem-notice");
            return new Prepared(
                    f.editor(),
                    "/api/notices",
                    null,
                    map(
                            "slug",
                            slug,
                            "content",
                            Fixtures.noticeContent("Notice " + slug, Fixtures.COUNCIL, Fixtures.SCHOOLS)),
                    () -> db.count(Suite.NOTICES, "SELECT count(*) FROM notice WHERE slug = ?", slug),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("notice-service POST /api/notices/{slug}/versions", f -> {
            String slug = Fixtures.unique("idem-version");
            f.publishedNotice(slug, Fixtures.COUNCIL, Fixtures.SCHOOLS);
            return new Prepared(
                    f.editor(),
                    "/api/notices/" + slug + "/versions",
                    null,
                    map(),
                    () -> db.count(
                            Suite.NOTICES,
                            "SELECT count(*) FROM notice_version v JOIN notice n ON n.id = v.notice_id "
                                    + "WHERE n.slug = ? AND v.number = 2",
                            slug),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("notice-service POST /api/notices/{slug}/versions/{number}/publish", f -> {
            String slug = Fixtures.unique("idem-publish");
            f.draftNotice(slug, Fixtures.COUNCIL, Fixtures.SCHOOLS);
            return noticeAction(f, db, slug, "publish", map(), "PUBLISHED");
        });
        cases.put("notice-service POST /api/notices/{slug}/versions/{number}/retire", f -> {
            String slug = Fixtures.unique("idem-retire");
            f.publishedNotice(slug, Fixtures.COUNCIL, Fixtures.SCHOOLS);
            return noticeAction(f, db, slug, "retire", map("reason", "reliability: retired once"), "RETIRED");
        });
        cases.put(
                "notice-service POST /api/notices/subscriptions",
                f -> subscriptionCase(
                        db,
                        Suite.NOTICES,
                        f.noticeDpo(),
                        "/api/notices/subscriptions",
                        "org.consentgov.notice.retired"));
        cases.put(
                "notice-service POST /api/notices/subscriptions/{id}/secret-rotations",
                f -> rotationCase(
                        db,
                        Suite.NOTICES,
                        f.noticeDpo(),
                        "/api/notices/subscriptions",
                        "org.consentgov.notice.retired"));
        cases.put(
                "notice-service POST /api/notices/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
                f -> redeliveryCase(
                        db,
                        Suite.NOTICES,
                        f.noticeDpo(),
                        "/api/notices",
                        f.parkedDelivery(
                                f.noticeDpo(), "/api/notices", Suite.NOTICES, "org.consentgov.notice.published", () -> {
                                    String slug = Fixtures.unique("idem-redeliver");
                                    f.publishedNotice(slug, Fixtures.COUNCIL, Fixtures.SCHOOLS);
                                    return slug;
                                })));

        // ---- consent-service
        cases.put("consent-service POST /api/subjects", f -> {
            String nhs = Fixtures.nhsNumber();
            return new Prepared(
                    f.caseworker(),
                    "/api/subjects",
                    null,
                    map("identifiers", list(map("system", "nhs-number", "value", nhs)), "dateOfBirth", "2013-02-03"),
                    () -> db.count(
                            Suite.CONSENTS,
                            "SELECT count(*) FROM subject_identifier WHERE system = 'nhs-number' AND value = ?",
                            nhs),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("consent-service POST /api/consents", f -> {
            String nhs = Fixtures.nhsNumber();
            return new Prepared(
                    f.caseworker(),
                    "/api/consents",
                    null,
                    f.consentRequest(nhs),
                    () -> consentsOf(db, nhs),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("consent-service POST /api/consents/imports", f -> {
            String nhs = Fixtures.nhsNumber();
            return new Prepared(
                    f.consentDpo(),
                    "/api/consents/imports",
                    "application/x-ndjson",
                    Api.write(f.consentRequest(nhs)) + "\n",
                    () -> consentsOf(db, nhs),
                    IdempotencyAcrossRestartTest::sameStreamedImport);
        });
        cases.put("consent-service POST /api/consents/{id}/withdrawals", f -> {
            String id = f.consent(Fixtures.nhsNumber()).path("id").asText();
            return new Prepared(
                    f.caseworker().header("If-Match", f.consentEtag(id)),
                    "/api/consents/" + id + "/withdrawals",
                    null,
                    map("requestedBy", "parent", "channel", "letter"),
                    () -> db.count(
                            Suite.CONSENTS,
                            "SELECT count(*) FROM consent_history WHERE record_id = ?::uuid AND to_state = 'WITHDRAWN'",
                            id),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("consent-service POST /api/consents/{id}/invalidate", f -> {
            String id = f.consent(Fixtures.nhsNumber()).path("id").asText();
            return new Prepared(
                    f.consentDpo().header("If-Match", f.consentEtag(id)),
                    "/api/consents/" + id + "/invalidate",
                    null,
                    map("reason", "recorded against the wrong child"),
                    () -> db.count(
                            Suite.CONSENTS,
                            "SELECT count(*) FROM consent_history WHERE record_id = ?::uuid AND to_state = 'INVALIDATED'",
                            id),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("consent-service POST /api/consents/{id}/parties", f -> {
            String id =
                    f.consentMissingTheParent(Fixtures.nhsNumber()).path("id").asText();
            return new Prepared(
                    f.caseworker().header("If-Match", f.consentEtag(id)),
                    "/api/consents/" + id + "/parties",
                    null,
                    map(
                            "role",
                            "parent",
                            "relationship",
                            "mother",
                            "decision",
                            "GIVEN",
                            "decidedOn",
                            Fixtures.today().toString()),
                    () -> db.count(
                            Suite.CONSENTS,
                            "SELECT count(*) FROM consent_party WHERE record_id = ?::uuid AND role = 'parent'",
                            id),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("consent-service POST /api/consents/withdrawal-requests/{id}/resolve", f -> {
            String record =
                    f.consentReceived(Fixtures.nhsNumber(), 20).path("id").asText();
            String request = f.caseworker()
                    .header("If-Match", f.consentEtag(record))
                    .post("/api/consents/" + record + "/withdrawals", map("requestedBy", "child"))
                    .expect(409)
                    .json()
                    .path("withdrawalRequestId")
                    .asText();
            return new Prepared(
                    f.consentDpo().header("If-Match", f.withdrawalRequestEtag(request)),
                    "/api/consents/withdrawal-requests/" + request + "/resolve",
                    null,
                    map("decision", "DECLINE", "note", "reliability: declined once"),
                    () -> db.count(
                            Suite.CONSENTS,
                            "SELECT count(*) FROM consent_history WHERE record_id = ?::uuid "
                                    + "AND event = 'late-withdrawal-declined'",
                            record),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("consent-service POST /api/consents/receipts/key-rotations", f -> {
            long before = db.count(Suite.CONSENTS, "SELECT count(*) FROM receipt_signing_key");
            return new Prepared(
                    f.consentDpo(),
                    "/api/consents/receipts/key-rotations",
                    null,
                    null,
                    () -> db.count(Suite.CONSENTS, "SELECT count(*) FROM receipt_signing_key") - before,
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put(
                "consent-service POST /api/consents/subscriptions",
                f -> subscriptionCase(
                        db,
                        Suite.CONSENTS,
                        f.consentDpo(),
                        "/api/consents/subscriptions",
                        "org.consentgov.consent.invalidated"));
        cases.put(
                "consent-service POST /api/consents/subscriptions/{id}/secret-rotations",
                f -> rotationCase(
                        db,
                        Suite.CONSENTS,
                        f.consentDpo(),
                        "/api/consents/subscriptions",
                        "org.consentgov.consent.invalidated"));
        cases.put(
                "consent-service POST /api/consents/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
                f -> redeliveryCase(
                        db,
                        Suite.CONSENTS,
                        f.consentDpo(),
                        "/api/consents",
                        f.parkedDelivery(
                                f.consentDpo(),
                                "/api/consents",
                                Suite.CONSENTS,
                                "org.consentgov.consent.given",
                                () -> f.consent(Fixtures.nhsNumber()).path("id").asText())));

        // ---- sharing-agreement-service
        cases.put("sharing-agreement-service POST /api/organisations", f -> {
            String slug = Fixtures.unique("idem-org");
            return new Prepared(
                    f.agreementDpo(),
                    "/api/organisations",
                    null,
                    map("slug", slug, "name", "Organisation " + slug, "type", "university"),
                    () -> db.count(Suite.AGREEMENTS, "SELECT count(*) FROM organisation WHERE slug = ?", slug),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("sharing-agreement-service POST /api/agreements", f -> {
            Map<String, Object> request = Fixtures.agreementRequest(f.parties());
            String reference = (String) request.get("reference");
            return new Prepared(
                    f.agreementDpo(),
                    "/api/agreements",
                    null,
                    request,
                    () -> db.count(Suite.AGREEMENTS, "SELECT count(*) FROM agreement WHERE reference = ?", reference),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("sharing-agreement-service POST /api/agreements/{id}/submit", f -> {
            String id = f.draftAgreement(f.parties());
            return agreementAction(f, db, id, "submit", null, "SUBMITTED");
        });
        cases.put("sharing-agreement-service POST /api/agreements/{id}/activate", f -> {
            String id = f.suspendedAgreement(f.parties());
            return agreementAction(f, db, id, "activate", map(), "REACTIVATED");
        });
        cases.put("sharing-agreement-service POST /api/agreements/{id}/reviews", f -> {
            String id = f.activeAgreement(f.parties());
            return agreementAction(f, db, id, "reviews", map("note", "reliability: reviewed once"), "REVIEWED");
        });
        cases.put("sharing-agreement-service POST /api/agreements/{id}/suspend", f -> {
            String id = f.activeAgreement(f.parties());
            return agreementAction(f, db, id, "suspend", map("reason", "reliability: suspended once"), "SUSPENDED");
        });
        cases.put("sharing-agreement-service POST /api/agreements/{id}/terminate", f -> {
            String id = f.activeAgreement(f.parties());
            return agreementAction(f, db, id, "terminate", map("reason", "reliability: terminated once"), "TERMINATED");
        });
        cases.put("sharing-agreement-service POST /api/agreements/{id}/signatures", f -> {
            Fixtures.Parties parties = f.parties();
            String id = f.submittedAgreement(parties);
            return new Prepared(
                    f.signerOf(parties.controller()).header("If-Match", f.agreementEtag(id)),
                    "/api/agreements/" + id + "/signatures",
                    null,
                    map("version", 1),
                    () -> db.count(
                            Suite.AGREEMENTS,
                            "SELECT count(*) FROM agreement_signature WHERE agreement_id = ?::uuid",
                            id),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("sharing-agreement-service POST /api/agreements/{id}/variations", f -> {
            String id = f.activeAgreement(f.parties());
            return new Prepared(
                    f.agreementDpo(),
                    "/api/agreements/" + id + "/variations",
                    null,
                    map("reason", "annual review"),
                    () -> db.count(
                            Suite.AGREEMENTS,
                            "SELECT count(*) FROM agreement_version WHERE agreement_id = ?::uuid " + "AND number = 2",
                            id),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("sharing-agreement-service POST /api/sharing-decisions", f -> {
            String pupil = Fixtures.upn();
            return new Prepared(
                    f.agreementIntegration(),
                    "/api/sharing-decisions",
                    null,
                    Fixtures.eyesQuestion("upn:" + pupil, false),
                    () -> db.count(
                            Suite.AGREEMENTS, "SELECT count(*) FROM sharing_decision WHERE subject_value = ?", pupil),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put("sharing-agreement-service POST /api/disclosures", f -> {
            String pupil = Fixtures.upn();
            JsonNode decision = f.agreementIntegration()
                    .post("/api/sharing-decisions", Fixtures.eyesQuestion("upn:" + pupil, false))
                    .expect(201)
                    .json();
            assertThat(decision.path("decision").asText())
                    .as("decision for the disclosure: %s", decision)
                    .isEqualTo("PERMIT");
            String decisionId = decision.path("decisionId").asText();
            return new Prepared(
                    f.agreementIntegration(),
                    "/api/disclosures",
                    null,
                    map("decisionId", decisionId, "transferMethod", "system-access"),
                    () -> db.count(
                            Suite.AGREEMENTS,
                            "SELECT count(*) FROM disclosure WHERE decision_id = ?::uuid",
                            decisionId),
                    IdempotencyAcrossRestartTest::sameAnswer);
        });
        cases.put(
                "sharing-agreement-service POST /api/agreements/subscriptions",
                f -> subscriptionCase(
                        db,
                        Suite.AGREEMENTS,
                        f.agreementDpo(),
                        "/api/agreements/subscriptions",
                        "org.consentgov.agreement.terminated"));
        cases.put(
                "sharing-agreement-service POST /api/agreements/subscriptions/{id}/secret-rotations",
                f -> rotationCase(
                        db,
                        Suite.AGREEMENTS,
                        f.agreementDpo(),
                        "/api/agreements/subscriptions",
                        "org.consentgov.agreement.terminated"));
        cases.put(
                "sharing-agreement-service POST /api/agreements/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
                f -> redeliveryCase(
                        db,
                        Suite.AGREEMENTS,
                        f.agreementDpo(),
                        "/api/agreements",
                        f.parkedDelivery(
                                f.agreementDpo(),
                                "/api/agreements",
                                Suite.AGREEMENTS,
                                "org.consentgov.agreement.submitted",
                                () -> f.submittedAgreement(f.parties()))));
        return cases;
    }

    /** A lifecycle action on an agreement with its ETag, stored once when the history has one such entry. */
    private static Prepared agreementAction(
            Fixtures f, Postgres db, String id, String action, Object body, String historyAction) {
        return new Prepared(
                f.agreementDpo().header("If-Match", f.agreementEtag(id)),
                "/api/agreements/" + id + "/" + action,
                null,
                body,
                () -> db.count(
                        Suite.AGREEMENTS,
                        "SELECT count(*) FROM agreement_history WHERE agreement_id = ?::uuid AND action = ?",
                        id,
                        historyAction),
                IdempotencyAcrossRestartTest::sameAnswer);
    }

    /** A parked delivery queued again with its etag; stored once when it was redelivered and is no longer parked. */
    private static Prepared redeliveryCase(
            Postgres db, String database, Api dpo, String prefix, Fixtures.ParkedDelivery parked) {
        return new Prepared(
                dpo.header("If-Match", parked.etag()),
                prefix + "/subscriptions/" + parked.subscription() + "/deliveries/" + parked.delivery() + "/redeliver",
                null,
                null,
                () -> db.count(
                        database,
                        "SELECT count(*) FROM webhook_delivery WHERE id = ?::uuid AND redelivered_at IS NOT NULL "
                                + "AND status <> 'PARKED'",
                        parked.delivery()),
                IdempotencyAcrossRestartTest::sameAnswer);
    }

    /** An action on a notice's version 1 with its ETag, stored once when the version entered the state once. */
    private static Prepared noticeAction(
            Fixtures f, Postgres db, String slug, String action, Object body, String state) {
        return new Prepared(
                f.noticeDpo().header("If-Match", f.noticeVersionEtag(slug, 1)),
                "/api/notices/" + slug + "/versions/1/" + action,
                null,
                body,
                () -> db.count(
                        Suite.NOTICES,
                        "SELECT count(*) FROM notice_version_transition t JOIN notice_version v ON v.id = t.version_id "
                                + "JOIN notice n ON n.id = v.notice_id WHERE n.slug = ? AND v.number = 1 "
                                + "AND t.to_state = ?",
                        slug,
                        state),
                IdempotencyAcrossRestartTest::sameAnswer);
    }

    /** A secret rotation of a fresh subscription, with its ETag; stored once when generation 2 exists once. */
    private static Prepared rotationCase(Postgres db, String database, Api dpo, String path, String eventType) {
        Api.Reply created = dpo.post(
                        path, Fixtures.subscription("http://127.0.0.1:9/hooks/" + UUID.randomUUID(), eventType))
                .expect(201);
        String id = created.json().path("id").asText();
        return new Prepared(
                dpo.header("If-Match", created.header("ETag")),
                path + "/" + id + "/secret-rotations",
                null,
                // a secret of the caller's, so that the answer carries none and a replay equals it
                map("secret", "reliability-rotated-" + UUID.randomUUID(), "overlap", "PT1H"),
                () -> db.count(
                        database,
                        "SELECT count(*) FROM webhook_secret WHERE subscription_id = ?::uuid AND generation = 2",
                        id),
                IdempotencyAcrossRestartTest::sameAnswer);
    }

    private static Prepared subscriptionCase(Postgres db, String database, Api dpo, String path, String eventType) {
        // the discard port: nothing is sent there unless such an event happens, and then it just fails
        String target = "http://127.0.0.1:9/hooks/" + UUID.randomUUID();
        return new Prepared(
                dpo,
                path,
                null,
                Fixtures.subscription(target, eventType),
                () -> db.count(database, "SELECT count(*) FROM webhook_subscription WHERE target_url = ?", target),
                IdempotencyAcrossRestartTest::sameAnswer);
    }

    private static long consentsOf(Postgres db, String nhs) {
        return db.count(
                Suite.CONSENTS,
                "SELECT count(*) FROM consent_record r JOIN subject_identifier i "
                        + "ON i.subject_id = r.subject_id WHERE i.system = 'nhs-number' AND i.value = ?",
                nhs);
    }
}
