package org.consentgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.consentgov.reliability.support.Api;
import org.consentgov.reliability.support.Fixtures;
import org.consentgov.reliability.support.Poll;
import org.consentgov.reliability.support.ServiceProcess;
import org.consentgov.reliability.support.Suite;
import org.consentgov.reliability.support.SuiteExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue G: PostgreSQL stops under load and comes back. While it is gone every service reports itself not ready and
 * answers requests that need the database with a 503 problem (with Retry-After), never a 500; once it is back, each
 * service answers again within 10 s, without a restart.
 */
@ExtendWith(SuiteExtension.class)
class PostgresRestartTest {

    /** The contract of the issue: recovered within 10 s of PostgreSQL answering again. */
    static final Duration RECOVERY = Duration.ofSeconds(10);

    static final Duration OUTAGE_NOTICED = Duration.ofSeconds(30);

    private Suite suite;

    @AfterEach
    void heal() {
        if (suite != null) {
            suite.heal();
        }
    }

    @Test
    void servicesAnswer503WhileTheDatabaseIsGoneAndRecoverWithin10SecondsOfItsReturn(Suite suite) throws Exception {
        this.suite = suite;
        Fixtures f = new Fixtures(suite);
        String record = f.consent(Fixtures.nhsNumber()).path("id").asText();
        // one request per service that needs its database
        Map<ServiceProcess, Supplier<Api.Reply>> probes = Map.of(
                suite.notice(), () -> f.editor().get("/api/notices"),
                suite.consent(), () -> f.consentDpo().get("/api/consents/" + record),
                suite.agreement(), () -> f.agreementDpo().get("/api/agreements"));
        for (var probe : probes.entrySet()) {
            probe.getValue().get().expect(200);
        }

        // load: a client recording consents all along, counting what it gets back
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Api.Reply> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(
                () -> {
                    while (loading.get()) {
                        try {
                            Api.Reply r =
                                    f.caseworker().post("/api/consents", f.consentRequestCached(Fixtures.nhsNumber()));
                            statuses.merge(r.status(), 1, Integer::sum);
                            if (r.status() >= 500 && (r.status() != 503 || !r.problem())) {
                                unexpected.add(r);
                            }
                        } catch (UncheckedIOException e) {
                            statuses.merge(-1, 1, Integer::sum);
                        }
                        Poll.pause();
                    }
                },
                "postgres-restart-load");
        load.start();
        try {
            Poll.until(
                    "the load client's first consent", Duration.ofSeconds(30), () -> statuses.getOrDefault(201, 0) > 0);

            suite.postgres().stop();
            int rounds = Suite.longForm() ? 3 : 1;
            for (int round = 1; round <= rounds; round++) {
                if (round > 1) {
                    suite.postgres().stop();
                }
                for (var probe : probes.entrySet()) {
                    ServiceProcess service = probe.getKey();
                    Poll.until(
                            service.name() + " reports not ready without its database",
                            OUTAGE_NOTICED,
                            () -> service.ready() == 503);
                    Api.Reply reply =
                            Poll.value(service.name() + " answers 503 without its database", OUTAGE_NOTICED, () -> {
                                Api.Reply r = probe.getValue().get();
                                return r.status() == 200 ? null : r;
                            });
                    assertThat(reply.status())
                            .as("%s without its database: %s", service.name(), reply.body())
                            .isEqualTo(503);
                    assertThat(reply.problem())
                            .as("%s answers problem+json: %s", service.name(), reply.headers())
                            .isTrue();
                    assertThat(reply.json().path("status").asInt()).isEqualTo(503);
                    assertThat(reply.header("Retry-After"))
                            .as("%s: Retry-After", service.name())
                            .isNotBlank();
                }

                suite.postgres().start();
                Instant back = Instant.now();
                for (var probe : probes.entrySet()) {
                    ServiceProcess service = probe.getKey();
                    Duration left = RECOVERY.minus(Duration.between(back, Instant.now()));
                    Poll.until(
                            service.name() + " ready again within " + RECOVERY + " of PostgreSQL's return",
                            left,
                            () -> service.ready() == 200
                                    && probe.getValue().get().status() == 200);
                }
                Duration left = RECOVERY.minus(Duration.between(back, Instant.now()));
                Poll.until(
                        "a consent recorded within " + RECOVERY + " of PostgreSQL's return",
                        left,
                        () -> f.caseworker()
                                        .post("/api/consents", f.consentRequestCached(Fixtures.nhsNumber()))
                                        .status()
                                == 201);
            }
        } finally {
            loading.set(false);
            load.join(30_000);
        }
        assertThat(unexpected)
                .as("answers other than a 503 problem while PostgreSQL was gone (all statuses: %s)", statuses)
                .isEmpty();
        assertThat(statuses).as("the load client saw 503s").containsKey(503);
    }
}
