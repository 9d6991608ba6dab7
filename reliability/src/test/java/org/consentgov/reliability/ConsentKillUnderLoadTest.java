package org.consentgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentgov.reliability.support.Api;
import org.consentgov.reliability.support.Fixtures;
import org.consentgov.reliability.support.Poll;
import org.consentgov.reliability.support.Suite;
import org.consentgov.reliability.support.SuiteExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue G: consent-service is killed with {@code kill -9} while 8 clients record consents, each retrying its request
 * with the same Idempotency-Key on a connection error or a 5xx until it is acknowledged; then it is started again.
 * Afterwards every acknowledged consent is there exactly once (API and database), its history chain verifies, and
 * the outbox holds its event exactly once.
 */
@ExtendWith(SuiteExtension.class)
class ConsentKillUnderLoadTest {

    static final int CLIENTS = 8;
    static final Duration REQUEST_DEADLINE = Duration.ofMinutes(3);

    /** One acknowledged write: the subject's NHS number, the key, and the record id the service answered. */
    record Ack(String nhs, String key, String recordId, int attempts) {}

    private Suite suite;

    @AfterEach
    void heal() {
        if (suite != null) {
            suite.heal();
        }
    }

    @Test
    void everyAcknowledgedConsentSurvivesKill9ExactlyOnceWithAVerifiedChainAndOneEvent(Suite suite) throws Exception {
        this.suite = suite;
        int perClient = Suite.longForm() ? 40 : 6;
        int kills = Suite.longForm() ? 3 : 1;
        Fixtures fixtures = new Fixtures(suite);
        JsonNode notice = fixtures.currentNotice(Fixtures.RESEARCH_NOTICE);
        int version = notice.path("version").asInt();
        String hash = notice.path("contentHash").asText();

        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        String nhs = Fixtures.nhsNumber();
                        acks.add(recordUntilAcknowledged(
                                fixtures, Fixtures.consentRequest(nhs, version, hash), nhs, retried));
                    }
                    return null;
                }));
            }
            int total = CLIENTS * perClient;
            for (int k = 1; k <= kills; k++) {
                int before = total * k / (kills + 1);
                Poll.until(
                        before + " consents acknowledged before kill " + k,
                        REQUEST_DEADLINE,
                        () -> acks.size() >= before);
                suite.consent().kill();
                suite.consent().start();
            }
            for (Future<?> f : running) {
                f.get(REQUEST_DEADLINE.toSeconds() * perClient, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }

        List<Ack> all = new ArrayList<>(acks);
        assertThat(all).hasSize(CLIENTS * perClient);
        assertThat(all).extracting(Ack::recordId).doesNotHaveDuplicates();

        var dpo = fixtures.consentDpo();
        var db = suite.postgres();
        List<String> failures = new ArrayList<>();
        for (Ack ack : all) {
            long stored = db.count(
                    Suite.CONSENTS,
                    "SELECT count(*) FROM consent_record r JOIN subject_identifier i "
                            + "ON i.subject_id = r.subject_id WHERE i.system = 'nhs-number' AND i.value = ?",
                    ack.nhs());
            if (stored != 1) {
                failures.add(ack + ": " + stored + " records in the database");
            }
            Api.Reply read = dpo.get("/api/consents/" + ack.recordId());
            if (read.status() != 200
                    || !ack.recordId().equals(read.json().path("id").asText())) {
                failures.add(ack + ": GET answered " + read);
            }
            JsonNode verified = dpo.get("/api/consents/" + ack.recordId() + "/history/verify")
                    .expect(200)
                    .json();
            if (!verified.path("valid").asBoolean()) {
                failures.add(ack + ": history does not verify: " + verified);
            }
            List<String> events = db.column(
                    Suite.CONSENTS,
                    "SELECT type FROM outbox_event WHERE aggregate_id = ? ORDER BY seq",
                    ack.recordId());
            if (!events.equals(List.of("org.consentgov.consent.given"))) {
                failures.add(ack + ": outbox holds " + events);
            }
        }
        assertThat(retried.get())
                .as("requests that had to be sent again across the kill")
                .isPositive();
        assertThat(failures)
                .as("after %s retries across the kill", retried.get())
                .isEmpty();
        assertThat(db.count(
                        Suite.CONSENTS,
                        "SELECT count(*) FROM (SELECT aggregate_id, type FROM outbox_event "
                                + "GROUP BY aggregate_id, type, data HAVING count(*) > 1) d"))
                .as("duplicated outbox events")
                .isZero();
    }

    /** Sends the request with one key until the service acknowledges it (201), retrying on no answer or 5xx. */
    static Ack recordUntilAcknowledged(
            Fixtures fixtures, Map<String, Object> request, String nhs, AtomicInteger retried) {
        String key = "load-" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(REQUEST_DEADLINE);
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                Api.Reply reply =
                        fixtures.caseworker().header("Idempotency-Key", key).post("/api/consents", request);
                if (reply.status() == 201) {
                    return new Ack(nhs, key, reply.json().path("id").asText(), attempts);
                }
                // 409 idempotency-key-in-use: the first attempt is still being processed; anything else 4xx is a defect
                if (reply.status() < 500 && reply.status() != 409) {
                    throw new AssertionError("consent for " + nhs + " answered " + reply);
                }
            } catch (UncheckedIOException connectionLost) {
                // the service is down or was killed mid-request: send again with the same key
            }
            retried.incrementAndGet();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("consent for " + nhs + " not acknowledged within " + REQUEST_DEADLINE);
            }
            Poll.pause();
        }
    }
}
