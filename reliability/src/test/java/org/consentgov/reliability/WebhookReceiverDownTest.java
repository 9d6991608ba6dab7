package org.consentgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.consentgov.platform.testing.WebhookReceiver;
import org.consentgov.reliability.support.Fixtures;
import org.consentgov.reliability.support.Poll;
import org.consentgov.reliability.support.Postgres;
import org.consentgov.reliability.support.Suite;
import org.consentgov.reliability.support.SuiteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue G: a webhook receiver subscribed to consent-service's events is down (503) while consents are given and
 * withdrawn, for a few retry rounds (the long form: 60 s); once it is back, every event reaches it, in order per
 * consent record, each delivery signed with the subscription's secret. The suite runs the dispatcher with a 1 s
 * backoff base and 2 s cap ({@link Suite}), so the rounds come in seconds.
 */
@ExtendWith(SuiteExtension.class)
class WebhookReceiverDownTest {

    static final String GIVEN = "org.consentgov.consent.given";
    static final String WITHDRAWN = "org.consentgov.consent.withdrawn";

    @Test
    void everyEventIsDeliveredInOrderPerRecordWithValidSignaturesOnceTheReceiverIsBack(Suite suite) {
        Fixtures f = new Fixtures(suite);
        Postgres db = suite.postgres();
        int records = Suite.longForm() ? 10 : 4;
        Duration down = Suite.longForm() ? Duration.ofSeconds(60) : Duration.ZERO;
        String secret = "reliability-webhook-secret-" + UUID.randomUUID();

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String subscription = f.consentDpo()
                    .post(
                            "/api/consents/subscriptions",
                            Fixtures.map(
                                    "targetUrl",
                                    receiver.url("reliability"),
                                    "eventTypes",
                                    Fixtures.list(GIVEN, WITHDRAWN),
                                    "secret",
                                    secret,
                                    "description",
                                    "reliability: receiver down"))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            try {
                receiver.down(503);
                Instant wentDown = Instant.now();

                // events: every record given, every other one withdrawn (two events, in order, on one aggregate)
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < records; i++) {
                    String id = f.consent(Fixtures.nhsNumber()).path("id").asText();
                    ids.add(id);
                    if (i % 2 == 0) {
                        f.caseworker()
                                .header("If-Match", f.consentEtag(id))
                                .post(
                                        "/api/consents/" + id + "/withdrawals",
                                        Fixtures.map(
                                                "requestedBy",
                                                "parent",
                                                "channel",
                                                "told their caseworker",
                                                "reason",
                                                "changed their mind"))
                                .expect(200);
                    }
                }
                int events = records + (records + 1) / 2;
                String inList = "'" + String.join("','", ids) + "'";

                // a few retry rounds: every record's first undelivered event failed at least twice (and the hold of
                // the long form has passed)
                try {
                    Poll.until(
                            "every record's deliveries failed at least twice while the receiver is down",
                            Duration.ofSeconds(60).plus(down),
                            () -> db.count(
                                                    Suite.CONSENTS,
                                                    "SELECT count(DISTINCT aggregate_id) FROM webhook_delivery WHERE subscription_id = ?::uuid "
                                                            + "AND attempts >= 2 AND status = 'PENDING' AND aggregate_id IN ("
                                                            + inList + ")",
                                                    subscription)
                                            == records
                                    && !Instant.now().isBefore(wentDown.plus(down)));
                } catch (AssertionError e) {
                    throw new AssertionError(
                            e.getMessage() + "\n  deliveries: "
                                    + db.column(
                                            Suite.CONSENTS,
                                            "SELECT aggregate_id || ' ' || event_position || ' ' || status || ' attempts=' || attempts || ' next='"
                                                    + " || next_attempt_at || ' last=' || coalesce(last_status::text, '-') FROM webhook_delivery"
                                                    + " WHERE subscription_id = ?::uuid ORDER BY event_position",
                                            subscription)
                                    + "\n  events: "
                                    + db.column(
                                            Suite.CONSENTS,
                                            "SELECT aggregate_id || ' ' || type || ' position='"
                                                    + " || coalesce(position::text, 'none') FROM outbox_event WHERE aggregate_id IN ("
                                                    + inList
                                                    + ") ORDER BY seq")
                                    + "\n  unsequenced events in all: "
                                    + db.count(
                                            Suite.CONSENTS, "SELECT count(*) FROM outbox_event WHERE position IS NULL")
                                    + "\n  attempts the receiver saw: "
                                    + receiver.received().size()
                                    + "\n  now (database): " + db.column(Suite.CONSENTS, "SELECT now()::text"),
                            e);
                }
                assertThat(db.count(
                                Suite.CONSENTS,
                                "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid "
                                        + "AND status = 'DELIVERED'",
                                subscription))
                        .as("delivered while the receiver was down")
                        .isZero();
                assertThat(receiver.received())
                        .as("attempts the receiver refused")
                        .isNotEmpty()
                        .allSatisfy(r -> assertThat(r.answeredWith()).isEqualTo(503));

                receiver.up();
                Poll.until(
                        "all " + events + " events delivered once the receiver is back",
                        Duration.ofSeconds(60),
                        () -> db.count(
                                        Suite.CONSENTS,
                                        "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid "
                                                + "AND status = 'DELIVERED' AND aggregate_id IN (" + inList + ")",
                                        subscription)
                                == events);

                // what the receiver got: every event of these records, accepted
                Set<String> expected = new TreeSet<>(db.column(
                        Suite.CONSENTS, "SELECT id::text FROM outbox_event WHERE aggregate_id IN (" + inList + ")"));
                assertThat(expected).hasSize(events);
                // only these records' events: events of earlier tests that were committed but not yet fanned out when
                // the subscription was made go to it too, and are not this test's to count
                List<WebhookReceiver.Received> accepted = receiver.received().stream()
                        .filter(r -> r.answeredWith() == 204 && ids.contains(r.subject()))
                        .toList();
                assertThat(new TreeSet<>(accepted.stream()
                                .map(WebhookReceiver.Received::id)
                                .toList()))
                        .as("events accepted by the receiver")
                        .isEqualTo(expected);
                // signed with the subscription's secret, every attempt
                Instant now = Instant.now();
                assertThat(receiver.received())
                        .allSatisfy(r -> assertThat(r.signedWith(secret, now))
                                .as("signature of delivery %s", r.id())
                                .isTrue());
                // in order per record: given, then withdrawn, by position
                Map<String, List<WebhookReceiver.Received>> perRecord = new LinkedHashMap<>();
                for (WebhookReceiver.Received r : accepted) {
                    perRecord
                            .computeIfAbsent(r.subject(), k -> new ArrayList<>())
                            .add(r);
                }
                assertThat(perRecord.keySet()).containsExactlyInAnyOrderElementsOf(ids);
                for (int i = 0; i < ids.size(); i++) {
                    List<WebhookReceiver.Received> got = perRecord.get(ids.get(i));
                    List<String> types = got.stream()
                            .map(WebhookReceiver.Received::type)
                            .distinct()
                            .toList();
                    assertThat(types)
                            .as("events of record %s in the order accepted", ids.get(i))
                            .isEqualTo(i % 2 == 0 ? List.of(GIVEN, WITHDRAWN) : List.of(GIVEN));
                    List<Long> positions = got.stream()
                            .map(r -> r.json().path("position").asLong())
                            .toList();
                    assertThat(positions)
                            .as("positions of record %s", ids.get(i))
                            .isSorted();
                }
            } finally {
                Fixtures.deactivate(f.consentDpo(), "/api/consents/subscriptions/" + subscription);
            }
        }
    }
}
