package org.consentgov.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.consentgov.platform.events.WebhookViews.RotateWebhookSecretRequest;
import org.consentgov.platform.events.WebhookViews.WebhookSecretRotationView;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Caller;

/**
 * Rotating a subscription's secret (platform/WEBHOOKS.md): the new secret (given, or generated and shown once)
 * becomes the newest generation, and the secrets in use before it retire after the overlap. Until then every
 * delivery carries a signature per secret in use, so a receiver can switch to the new secret at any moment of the
 * overlap without refusing a delivery; afterwards only the new one signs. Secrets that have retired are deleted.
 */
@ApplicationScoped
public class SecretRotations {

    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    public static final Duration MAX_OVERLAP = Duration.ofDays(7);

    /** A rotation and, when the service generated the new secret, that secret (shown once, never stored in clear). */
    public record Rotated(WebhookSecretRotationView rotation, String generatedSecret, long rowVersion) {
        @Override
        public String toString() {
            return "Rotated[" + rotation + "]";
        }
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Caller caller;
    private final WebhookSubscriptions subscriptions;
    private final SubscriptionSecrets secrets;

    public SecretRotations(
            AgroalDataSource dataSource,
            Clock clock,
            Caller caller,
            WebhookSubscriptions subscriptions,
            SubscriptionSecrets secrets) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.caller = caller;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
    }

    /**
     * A 404 for a subscription the caller cannot see, 409 for a deactivated one, 400 for a weak secret or an
     * overlap that is not an ISO-8601 duration from 0 to 7 days, 412 when {@code expected} (If-Match) is not the
     * subscription's version; nothing changes then.
     */
    @Transactional
    public Rotated rotate(UUID subscriptionId, RotateWebhookSecretRequest request, long expected) {
        RotateWebhookSecretRequest asked = request == null ? new RotateWebhookSecretRequest(null, null) : request;
        Duration overlap = overlap(asked.overlap());
        String secret = WebhookSecretRule.acceptOrGenerate(asked.secret());
        if (!subscriptions.get(subscriptionId).active()) {
            throw ProblemException.conflict(
                    "subscription-inactive",
                    "Subscription " + subscriptionId + " is deactivated; its secret is not rotated");
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        OffsetDateTime retire = now.plus(overlap);
        try (Connection c = dataSource.getConnection()) {
            long rowVersion;
            try (PreparedStatement lock = c.prepareStatement(
                    "UPDATE webhook_subscription SET row_version = row_version + 1 WHERE id = ? AND row_version = ?"
                            + " RETURNING row_version")) {
                lock.setObject(1, subscriptionId); // also serialises rotations of one subscription
                lock.setLong(2, expected);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        ETags.requireCurrent(
                                expected, subscriptions.get(subscriptionId).rowVersion());
                        throw new IllegalStateException("subscription " + subscriptionId + " changed while rotating");
                    }
                    rowVersion = rs.getLong(1);
                }
            }
            // numbered before retired secrets are deleted, so that a generation is never used twice
            int generation = SubscriptionSecrets.nextGeneration(c, subscriptionId);
            try (PreparedStatement retireOld = c.prepareStatement("""
                    UPDATE webhook_secret SET retires_at = least(coalesce(retires_at, ?), ?)
                    WHERE subscription_id = ? AND (retires_at IS NULL OR retires_at > ?)""")) {
                retireOld.setObject(1, retire);
                retireOld.setObject(2, retire);
                retireOld.setObject(3, subscriptionId);
                retireOld.setObject(4, now);
                retireOld.executeUpdate();
            }
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM webhook_secret WHERE subscription_id = ? AND retires_at <= ?")) {
                delete.setObject(1, subscriptionId);
                delete.setObject(2, now);
                delete.executeUpdate();
            }
            secrets.store(c, subscriptionId, generation, secret, now, caller.name());
            WebhookSecretRotationView view = new WebhookSecretRotationView(
                    subscriptionId, generation, now.toInstant(), caller.name(), retire.toInstant());
            return new Rotated(view, asked.secret() == null ? secret : null, rowVersion);
        } catch (SQLException e) {
            throw new IllegalStateException("secret could not be rotated", e);
        }
    }

    static Duration overlap(String value) {
        if (value == null) {
            return DEFAULT_OVERLAP;
        }
        Duration overlap;
        try {
            overlap = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalidOverlap();
        }
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw invalidOverlap();
        }
        return overlap;
    }

    private static ProblemException invalidOverlap() {
        return ProblemException.badRequest(
                "invalid-overlap",
                "overlap must be an ISO-8601 duration from PT0S to P7D (e.g. PT24H, the default): how long the "
                        + "secrets in use keep signing deliveries beside the new one",
                "overlap");
    }
}
