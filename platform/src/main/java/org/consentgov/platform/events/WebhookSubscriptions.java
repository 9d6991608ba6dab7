package org.consentgov.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.consentgov.platform.events.WebhookViews.CreateWebhookSubscriptionRequest;
import org.consentgov.platform.events.WebhookViews.WebhookDeliveryView;
import org.consentgov.platform.events.WebhookViews.WebhookSubscriptionView;
import org.consentgov.platform.events.fence.TargetFence;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Caller;

/** Webhook subscriptions and their delivery logs: the transactions behind the subscription API (JDBC). */
@ApplicationScoped
public class WebhookSubscriptions {

    public enum DeliveryStatus {
        PENDING,
        DELIVERED,
        PARKED
    }

    private static final String SUBSCRIPTION_COLUMNS =
            "id, target_url, event_types, description, active, created_by, created_at, deactivated_by, deactivated_at,"
                    + " row_version, owner_client, owner_org, system_owned";
    private static final String DELIVERY_COLUMNS = """
            d.id, d.subscription_id, d.event_id, e.type, d.event_position, d.aggregate_id, d.status, d.attempts,
            d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at,
            d.redelivered_by, d.redelivered_at, d.row_version""";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Caller caller;
    private final SubscriptionOwners owners;
    private final TargetFence fence;
    private final SubscriptionSecrets secrets;

    /** A new subscription and, when the service generated its secret, that secret (shown once). */
    public record Created(WebhookSubscriptionView subscription, String generatedSecret) {
        @Override
        public String toString() {
            return "Created[" + subscription + "]";
        }
    }

    public WebhookSubscriptions(
            AgroalDataSource dataSource,
            Clock clock,
            Caller caller,
            SubscriptionOwners owners,
            TargetFence fence,
            SubscriptionSecrets secrets) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.caller = caller;
        this.owners = owners;
        this.fence = fence;
        this.secrets = secrets;
    }

    /**
     * Stores a subscription to some of {@code knownTypes}, owned by the caller, its secret sealed
     * ({@link SubscriptionSecrets}). A malformed URL or a weak secret ({@link WebhookSecretRule}) is 400; a target
     * the {@link TargetFence} refuses, or an event type this service does not emit, is 422. Without a secret in the
     * request, one is generated and returned in {@link Created} (only there).
     */
    @Transactional
    public Created create(CreateWebhookSubscriptionRequest request, Set<String> knownTypes) {
        URI target = TargetFence.wellFormed(request.targetUrl());
        fence.checkNew(target);
        String url = target.toString();
        String secret = WebhookSecretRule.acceptOrGenerate(request.secret());
        List<String> types = request.eventTypes();
        for (int i = 0; i < types.size(); i++) {
            if (!knownTypes.contains(types.get(i))) {
                throw ProblemException.rule(
                                "unknown-event-type",
                                "'" + types.get(i)
                                        + "' is not an event type of this service; it emits "
                                        + String.join(
                                                ", ",
                                                knownTypes.stream().sorted().toList()),
                                "eventTypes[" + i + "]")
                        .with("knownEventTypes", knownTypes.stream().sorted().toList());
            }
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(types));
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                INSERT INTO webhook_subscription (id, target_url, event_types, secret, description, created_by, created_at,
                                                  owner_client, owner_org, system_owned)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            SubscriptionOwners.Owner owner = owners.current();
            insert.setObject(1, id);
            insert.setString(2, url);
            insert.setArray(3, c.createArrayOf("text", distinct.toArray()));
            insert.setString(4, null); // the secret is only ever stored sealed
            insert.setString(5, request.description());
            insert.setString(6, caller.name());
            OffsetDateTime now = now();
            insert.setObject(7, now);
            insert.setString(8, owner.client());
            insert.setString(9, owner.org());
            insert.setBoolean(10, owner.system());
            insert.executeUpdate();
            secrets.store(c, id, 1, secret, now, caller.name());
        } catch (SQLException e) {
            throw new IllegalStateException("subscription could not be stored", e);
        }
        return new Created(get(id), request.secret() == null ? secret : null);
    }

    @Transactional
    public PageView<WebhookSubscriptionView> list(int page, int size) {
        List<WebhookSubscriptionView> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS
                        + " FROM webhook_subscription WHERE " + owners.visible()
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
            int p = owners.bindVisible(select, 1);
            select.setInt(p++, size);
            select.setLong(p, (long) page * size);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(subscription(rs));
                }
            }
            try (PreparedStatement count =
                    c.prepareStatement("SELECT count(*) FROM webhook_subscription WHERE " + owners.visible())) {
                owners.bindVisible(count, 1);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return PageView.of(items, page, size, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("subscriptions could not be read", e);
        }
    }

    /** One subscription the caller may see (its owner, or the dpo); any other is 404, as if it did not exist. */
    @Transactional
    public WebhookSubscriptionView get(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS
                        + " FROM webhook_subscription WHERE id = ? AND " + owners.visible())) {
            select.setObject(1, id);
            owners.bindVisible(select, 2);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Webhook subscription", id);
                }
                return subscription(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("subscription could not be read", e);
        }
    }

    /**
     * Stops deliveries; the subscription and its log stay. {@code expected} is the version the caller read (412
     * when it has changed since); deactivating an inactive subscription changes nothing and answers it as it is. A
     * system subscription is deactivated only by its own service (409 for anyone else who may see it).
     */
    @Transactional
    public WebhookSubscriptionView deactivate(UUID id, long expected) {
        WebhookSubscriptionView subscription = get(id);
        owners.checkMayDeactivate(
                id, subscription.ownerClient(), subscription.ownerOrganisation(), subscription.system());
        if (!subscription.active()) {
            return subscription;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_subscription SET active = false, deactivated_by = ?, deactivated_at = ?
                WHERE id = ? AND active AND row_version = ?""")) {
            update.setString(1, caller.name());
            update.setObject(2, now());
            update.setObject(3, id);
            update.setLong(4, expected);
            if (update.executeUpdate() == 0) {
                WebhookSubscriptionView current = get(id);
                if (current.active()) {
                    ETags.requireCurrent(expected, current.rowVersion());
                }
                return current;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("subscription could not be deactivated", e);
        }
        return get(id);
    }

    /** The delivery log of one subscription, newest event first, optionally of one status. */
    @Transactional
    public PageView<WebhookDeliveryView> deliveries(UUID subscriptionId, DeliveryStatus status, int page, int size) {
        get(subscriptionId);
        String filter = status == null ? "" : " AND d.status = ?";
        List<WebhookDeliveryView> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE d.subscription_id = ?"
                        + filter + " ORDER BY d.event_position DESC LIMIT ? OFFSET ?")) {
            int p = 1;
            select.setObject(p++, subscriptionId);
            if (status != null) {
                select.setString(p++, status.name());
            }
            select.setInt(p++, size);
            select.setLong(p, (long) page * size);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(delivery(rs));
                }
            }
            long total = count(
                    c,
                    "SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = ?" + filter,
                    subscriptionId,
                    status == null ? null : status.name());
            return PageView.of(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("deliveries could not be read", e);
        }
    }

    /**
     * Puts a PARKED delivery back in the queue with its attempts reset; the dispatcher sends it on its next
     * round, and the events of the same aggregate that waited behind it follow.
     */
    @Transactional
    public WebhookDeliveryView redeliver(UUID subscriptionId, UUID deliveryId, long expected) {
        WebhookSubscriptionView subscription = get(subscriptionId);
        WebhookDeliveryView delivery = delivery(subscriptionId, deliveryId);
        if (!subscription.active()) {
            throw ProblemException.conflict(
                    "subscription-inactive",
                    "Subscription " + subscriptionId + " is deactivated; its deliveries are not sent");
        }
        if (!DeliveryStatus.PARKED.name().equals(delivery.status())) {
            throw ProblemException.conflict(
                            "delivery-not-parked",
                            "Only a parked delivery can be redelivered; this one is " + delivery.status())
                    .with("status", delivery.status());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, claim_token = NULL,
                       redelivered_by = ?, redelivered_at = ?
                WHERE id = ? AND subscription_id = ? AND status = 'PARKED' AND row_version = ?""")) {
            OffsetDateTime now = now();
            update.setObject(1, now);
            update.setString(2, caller.name());
            update.setObject(3, now);
            update.setObject(4, deliveryId);
            update.setObject(5, subscriptionId);
            update.setLong(6, expected);
            if (update.executeUpdate() == 0) {
                ETags.requireCurrent(expected, version(delivery(subscriptionId, deliveryId)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("delivery could not be queued again", e);
        }
        return delivery(subscriptionId, deliveryId);
    }

    private WebhookDeliveryView delivery(UUID subscriptionId, UUID deliveryId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery d JOIN outbox_event e ON e.id = d.event_id"
                        + " WHERE d.id = ? AND d.subscription_id = ?")) {
            select.setObject(1, deliveryId);
            select.setObject(2, subscriptionId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Delivery", deliveryId);
                }
                return delivery(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("delivery could not be read", e);
        }
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(sql)) {
            int p = 1;
            for (Object parameter : parameters) {
                if (parameter != null) {
                    count.setObject(p++, parameter);
                }
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static WebhookSubscriptionView subscription(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookSubscriptionView(
                rs.getObject("id", UUID.class),
                rs.getString("target_url"),
                Arrays.asList((String[]) types.getArray()),
                rs.getString("description"),
                rs.getBoolean("active"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                rs.getString("deactivated_by"),
                instant(rs, "deactivated_at"),
                rs.getString("owner_client"),
                rs.getString("owner_org"),
                rs.getBoolean("system_owned"),
                rs.getLong("row_version"));
    }

    private static WebhookDeliveryView delivery(ResultSet rs) throws SQLException {
        String status = rs.getString(7);
        Integer lastStatus = rs.getObject(11) == null ? null : rs.getInt(11);
        return new WebhookDeliveryView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                status,
                rs.getInt(8),
                DeliveryStatus.PENDING.name().equals(status) ? instant(rs, 9) : null,
                instant(rs, 10),
                lastStatus,
                rs.getString(12),
                instant(rs, 13),
                instant(rs, 14),
                rs.getString(15),
                instant(rs, 16),
                ETags.of(rs.getLong(17)).toString());
    }

    /** The row version a delivery's etag names. */
    static long version(WebhookDeliveryView delivery) {
        return ETags.expectedVersion(delivery.etag());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
