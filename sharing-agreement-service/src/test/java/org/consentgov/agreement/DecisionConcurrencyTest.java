package org.consentgov.agreement;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.nhsNumber;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.question;
import static org.consentgov.agreement.AgreementTestData.token;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.agreement.persistence.AgreementStateLocks;
import org.consentgov.platform.testing.PostgresTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a sharing decision holds while it is taken: no database transaction while other services are asked, a lock
 * shared with the other decisions on its agreement, and a wait for a change of the agreement's state in progress,
 * whose outcome it then respects. Waits are observed in PostgreSQL, never timed.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DecisionConcurrencyTest {

    /** Long enough for a slow machine; a test that waits this long has failed. */
    private static final long PATIENCE_SECONDS = 60;

    /**
     * A thread for each concurrent party. Not the common pool: on two cores it has one worker, on which JDK 25's
     * CompletableFuture runs its async tasks too (JDK 17 gave each a thread of its own), so a party that blocks
     * would keep the next from ever starting.
     */
    private final ExecutorService concurrent = Executors.newCachedThreadPool();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AgreementStateLocks locks;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        concurrent.shutdownNow();
        UpstreamStubs.WhileAnswering.probe = () -> {};
        UpstreamStubs.reset();
    }

    /** An agreement in force between fresh parties under which consent-service is asked. */
    private static Parties needingConsent() {
        Parties p = parties();
        Map<String, Object> content = AgreementTestData.content(p);
        content.put("consent", map("required", true, "notice", p.notice()));
        active(p, content);
        return p;
    }

    @Test
    void noDatabaseTransactionIsOpenWhileConsentServiceIsAsked() {
        Parties p = needingConsent();
        String subject = "nhs-number:" + nhsNumber();
        AtomicInteger openWhileAsked = new AtomicInteger(-1);
        UpstreamStubs.WhileAnswering.probe = () -> openWhileAsked.set(openTransactions());
        consentedWhileProbing(subject, p.notice());

        decide(question(p.recipient(), list("special.health"), subject, "research"))
                .then()
                .statusCode(201)
                .body("decision", org.hamcrest.Matchers.equalTo("PERMIT"));

        assertThat(openWhileAsked.get())
                .as("this service's transactions open while consent-service was answering")
                .isZero();
    }

    @Test
    void aDecisionIsWrittenWhileAnotherDecisionOnTheSameAgreementIsBeingWritten() throws Exception {
        Parties p = parties();
        UUID id = UUID.fromString(active(p));
        String subject = "nhs-number:" + nhsNumber();
        UpstreamStubs.consented(subject, p.notice(), "research");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another decision in its write transaction: holding what a decision holds until it commits
        CompletableFuture<Void> other = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    locks.holdInForceState(id);
                    held.countDown();
                    await(release);
                }),
                concurrent);
        try {
            assertThat(held.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
            ExtractableResponse<Response> decided = CompletableFuture.supplyAsync(
                            () -> decide(question(p.recipient(), list("special.health"), subject, "research"))
                                    .then()
                                    .extract(),
                            concurrent)
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(decided.statusCode()).isEqualTo(201);
            assertThat(decided.jsonPath().getString("decision")).isEqualTo("PERMIT");
        } finally {
            release.countDown();
            other.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDecisionTakenWhileASuspensionIsBeingWrittenWaitsForItAndIsDenied() throws Exception {
        Parties p = parties();
        String id = active(p);
        String subject = "nhs-number:" + nhsNumber();
        UpstreamStubs.consented(subject, p.notice(), "research");
        String etag = etag(id);
        CompletableFuture<ExtractableResponse<Response>> suspension;
        CompletableFuture<ExtractableResponse<Response>> decision;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            // holds the suspension after it has taken its time and locks, before it has written the version
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT id FROM agreement_version WHERE agreement_id = ? AND state = 'ACTIVE' FOR SHARE")) {
                lock.setObject(1, UUID.fromString(id));
                lock.executeQuery().close();
            }
            suspension = CompletableFuture.supplyAsync(
                    () -> given().auth()
                            .oauth2(dpo())
                            .header("If-Match", etag)
                            .contentType(ContentType.JSON)
                            .body(map("reason", "security incident at the recipient"))
                            .when()
                            .post("/api/agreements/{id}/suspend", id)
                            .then()
                            .extract(),
                    concurrent);
            awaitLockWaiters(1);
            // asked after the suspension's time: it does not see the suspension, which has not committed
            decision = CompletableFuture.supplyAsync(
                    () -> decide(question(p.recipient(), list("special.health"), subject, "research"))
                            .then()
                            .extract(),
                    concurrent);
            awaitLockWaiters(2);
            blocker.rollback();
        }
        assertThat(suspension.get(PATIENCE_SECONDS, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200);
        ExtractableResponse<Response> decided = decision.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(decided.statusCode()).isEqualTo(201);
        assertThat(decided.jsonPath().getString("decision")).isEqualTo("DENY");
        assertThat(decided.jsonPath().getList("reasons.code", String.class)).containsExactly("agreement-changed");
    }

    @Test
    void consentServiceIsAskedWithOneTokenForManyDecisions() {
        Parties p = needingConsent();
        int before = tokenRequests();
        int checks = UpstreamStubs.consentChecks();
        for (int i = 0; i < 5; i++) {
            String subject = "nhs-number:" + nhsNumber();
            UpstreamStubs.consented(subject, p.notice(), "research");
            decide(question(p.recipient(), list("special.health"), subject, "research"))
                    .then()
                    .statusCode(201)
                    .body("decision", org.hamcrest.Matchers.equalTo("PERMIT"));
        }
        assertThat(UpstreamStubs.consentChecks() - checks).isEqualTo(5);
        assertThat(tokenRequests() - before)
                .as("client-credentials tokens fetched for five calls to consent-service")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void connectionsToConsentServiceAreKeptAliveInAPool() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.rest-client.consents.keep-alive-enabled", Boolean.class))
                .isTrue();
        assertThat(config.getValue("quarkus.rest-client.consents.connection-pool-size", Integer.class))
                .as("at least as many pooled connections as database connections taking decisions")
                .isGreaterThanOrEqualTo(config.getOptionalValue("quarkus.datasource.jdbc.max-size", Integer.class)
                        .orElse(20));
        assertThat(config.getValue("quarkus.oidc-client.refresh-token-time-skew", java.time.Duration.class))
                .isPositive();
    }

    private static Response decide(Map<String, Object> body) {
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/sharing-decisions");
    }

    private static void consentedWhileProbing(String subject, String notice) {
        UpstreamStubs.server.stubFor(get(urlPathEqualTo("/api/consents/check"))
                .atPriority(0)
                .withQueryParam("subject", equalTo(subject))
                .willReturn(UpstreamStubs.json(
                                200,
                                Map.of(
                                        "consented",
                                        true,
                                        "reasons",
                                        List.of(),
                                        "recordId",
                                        UUID.randomUUID().toString(),
                                        "noticeVersion",
                                        Map.of("slug", notice, "version", 1, "contentHash", "a".repeat(64))))
                        .withTransformers(UpstreamStubs.WhileAnswering.NAME)));
    }

    private static int tokenRequests() {
        return UpstreamStubs.server
                .countRequestsMatching(postRequestedFor(urlEqualTo("/token")).build())
                .getCount();
    }

    /** Transactions of this service that have read agreements and are open between statements. */
    private int openTransactions() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                + " AND (query ILIKE '%agreement%' OR query ILIKE '%organisation%')");
    }

    private void awaitLockWaiters(int waiters) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'")
                < waiters) {
            assertThat(System.nanoTime())
                    .as("%d statements waiting for a lock", waiters)
                    .isLessThan(deadline);
            Thread.sleep(20); // a poll for a state of PostgreSQL, not a wait for time to pass
        }
    }

    private int count(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
