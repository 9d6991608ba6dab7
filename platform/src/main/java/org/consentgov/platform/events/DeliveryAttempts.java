package org.consentgov.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.consentgov.platform.events.Dispatcher.Claimed;
import org.consentgov.platform.events.Dispatcher.Outcome;
import org.consentgov.platform.events.fence.TargetFence;
import org.jboss.logging.Logger;

/**
 * The second half of a {@link Dispatcher} round for claimed deliveries: the signed HTTP calls, made in parallel
 * outside any transaction, and the recording of their outcomes (DELIVERED, or the next attempt by
 * {@link RetryPolicy}, or PARKED), written only where the delivery's lease is still this round's. A target the
 * {@link TargetFence} refuses at this moment is not contacted: its delivery is PARKED at once, "refused by policy".
 */
final class DeliveryAttempts {

    // the dispatcher's log category, as before the split, so that log settings and alerts on it still apply
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;
    /** How the delivery log starts the error of a delivery the fence stopped (platform/WEBHOOKS.md). */
    static final String REFUSED = "refused by policy";

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final Clock clock;
    private final RandomGenerator random;
    private final RetryPolicy retry;
    private final HttpClient http;
    private final TargetFence fence;

    DeliveryAttempts(
            AgroalDataSource dataSource, EventsConfig config, Clock clock, RandomGenerator random, TargetFence fence) {
        this.dataSource = dataSource;
        this.fence = fence;
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.retry = RetryPolicy.of(config);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                // a redirect would lead past the fence: a 3xx is an answer like any other non-2xx
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Step 2b: the HTTP calls, in parallel, outside any transaction. */
    List<Outcome> send(List<Claimed> claimed) {
        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (Claimed delivery : claimed) {
            calls.add(post(delivery));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Outcome> post(Claimed delivery) {
        if (delivery.secrets().isEmpty()) {
            // never sent unsigned; SubscriptionSecrets logged why the secret is not usable
            return CompletableFuture.completedFuture(new Outcome(
                    delivery, null, "not sent: the subscription has no secret that opens under this service's KEK"));
        }
        URI target;
        try {
            target = URI.create(delivery.targetUrl());
            Optional<TargetFence.Refusal> refusal = fence.refusal(target);
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(new Outcome(
                        delivery,
                        null,
                        REFUSED + " (" + refusal.get().rule() + "): "
                                + refusal.get().detail(),
                        true));
            }
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(
                    new Outcome(delivery, null, "host not resolved: " + e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(delivery, null, describe(e)));
        }
        HttpRequest request;
        try {
            byte[] body = delivery.event().toJson(config.source());
            long timestamp = clock.instant().getEpochSecond();
            String id = delivery.event().id().toString();
            request = HttpRequest.newBuilder(target)
                    .timeout(config.requestTimeout())
                    .header("Content-Type", StoredEvent.CONTENT_TYPE + "; charset=utf-8")
                    .header("User-Agent", "consentgov-webhooks/1")
                    .header(WebhookSignature.ID_HEADER, id)
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(delivery.secrets(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(delivery, null, describe(e)));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                return new Outcome(delivery, null, describe(failure));
            }
            int status = response.statusCode();
            return new Outcome(delivery, status, status / 100 == 2 ? null : "HTTP " + status);
        });
    }

    /** Step 2c: writes each outcome, where the lease is still ours. */
    void record(List<Outcome> outcomes) {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = now();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delivered = c.prepareStatement("""
                            UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,
                                   last_status = ?, last_error = NULL, delivered_at = ?, claim_token = NULL
                            WHERE id = ? AND claim_token = ?""");
                    PreparedStatement failed = c.prepareStatement("""
                            UPDATE webhook_delivery SET status = ?, attempts = ?, last_attempt_at = ?, last_status = ?,
                                   last_error = ?, next_attempt_at = ?, claim_token = NULL
                            WHERE id = ? AND claim_token = ?""")) {
                for (Outcome outcome : outcomes) {
                    Claimed d = outcome.delivery();
                    if (outcome.delivered()) {
                        delivered.setObject(1, now);
                        delivered.setInt(2, outcome.status());
                        delivered.setObject(3, now);
                        delivered.setObject(4, d.id());
                        delivered.setObject(5, d.token());
                        delivered.addBatch();
                        continue;
                    }
                    int attempts = d.attempts() + 1;
                    boolean park = outcome.refused() || retry.parks(attempts);
                    failed.setString(1, park ? "PARKED" : "PENDING");
                    failed.setInt(2, attempts);
                    failed.setObject(3, now);
                    failed.setObject(4, outcome.status());
                    failed.setString(5, truncate(outcome.error()));
                    failed.setObject(6, park ? now : now.plus(retry.delay(attempts, random)));
                    failed.setObject(7, d.id());
                    failed.setObject(8, d.token());
                    failed.addBatch();
                    if (outcome.refused()) {
                        LOG.warnf(
                                "delivery %s of event %s (%s) to subscription %s parked without contacting the target: %s",
                                d.id(), d.event().id(), d.event().type(), d.subscriptionId(), outcome.error());
                    } else if (park) {
                        LOG.warnf(
                                "delivery %s of event %s (%s) to subscription %s parked after %d attempts: %s",
                                d.id(),
                                d.event().id(),
                                d.event().type(),
                                d.subscriptionId(),
                                attempts,
                                outcome.error());
                    } else {
                        LOG.debugf(
                                "delivery %s to subscription %s failed (attempt %d): %s",
                                d.id(), d.subscriptionId(), attempts, outcome.error());
                    }
                }
                delivered.executeBatch();
                failed.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("delivery outcomes could not be recorded", e);
            }
        });
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timed out: " + cause.getMessage();
        }
        if (cause instanceof ConnectException) {
            return "connection failed" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
