package org.consentgov.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.crypto.KeyEncryptionKey;
import org.jboss.logging.Logger;

/**
 * Webhook secrets at rest (table {@code webhook_secret}, V0_4): each sealed under the service's
 * {@link KeyEncryptionKey} with its subscription and generation as associated data, never stored or logged in the
 * clear, opened only to sign a delivery. At start-up the secrets of subscriptions made before V0_4, still in
 * plaintext in {@code webhook_subscription.secret}, are sealed and that column emptied, under an advisory lock so
 * that replicas starting together do it once; a service without a KEK does not start.
 */
@ApplicationScoped
public class SubscriptionSecrets {

    private static final Logger LOG = Logger.getLogger(SubscriptionSecrets.class);
    /** The advisory lock of the start-up sealing (the dispatcher's sequencing lock ends in 01). */
    static final long SEALING_LOCK = 0x636f6e73656e7402L;

    private final AgroalDataSource dataSource;
    private final KeyEncryptionKey kek;
    private final Clock clock;

    public SubscriptionSecrets(AgroalDataSource dataSource, KeyEncryptionKey kek, Clock clock) {
        this.dataSource = dataSource;
        this.kek = kek;
        this.clock = clock;
    }

    void sealAtStartup(@Observes StartupEvent start) {
        int sealed = sealPlaintext();
        if (sealed > 0) {
            LOG.infof("sealed the plaintext secrets of %d webhook subscription(s) under KEK %s", sealed, kek.id());
        }
    }

    /**
     * Seals every secret still in plaintext and empties its column, in one transaction under the sealing lock (a
     * replica starting at the same time waits, then finds nothing left). Returns how many it sealed.
     */
    public int sealPlaintext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, SEALING_LOCK);
                    lock.execute();
                }
                Map<UUID, String> plain = new LinkedHashMap<>();
                try (PreparedStatement select = c.prepareStatement(
                                "SELECT id, secret FROM webhook_subscription WHERE secret IS NOT NULL FOR UPDATE");
                        ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        plain.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
                OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
                for (Map.Entry<UUID, String> entry : plain.entrySet()) {
                    store(c, entry.getKey(), nextGeneration(c, entry.getKey()), entry.getValue(), now, "migration");
                }
                try (PreparedStatement clear =
                        c.prepareStatement("UPDATE webhook_subscription SET secret = NULL WHERE secret IS NOT NULL")) {
                    clear.executeUpdate();
                }
                return plain.size();
            }
        });
    }

    /** Seals and stores one secret of a subscription (the caller's transaction; the subscription row exists). */
    void store(Connection c, UUID subscriptionId, int generation, String secret, OffsetDateTime now, String by)
            throws SQLException {
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        KeyEncryptionKey.Sealed sealed;
        try {
            sealed = kek.seal(context(subscriptionId, generation), plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO webhook_secret (subscription_id, generation, kek_id, nonce, sealed, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, subscriptionId);
            insert.setInt(2, generation);
            insert.setString(3, kek.id());
            insert.setBytes(4, sealed.nonce());
            insert.setBytes(5, sealed.ciphertext());
            insert.setString(6, by);
            insert.setObject(7, now);
            insert.executeUpdate();
        }
    }

    /** The generation the next secret of a subscription gets: 1 for its first. */
    static int nextGeneration(Connection c, UUID subscriptionId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT coalesce(max(generation), 0) + 1 FROM webhook_secret WHERE subscription_id = ?")) {
            select.setObject(1, subscriptionId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The secrets each subscription's deliveries are signed with at {@code now}, newest first: the current one
     * and, during a rotation's overlap, those it replaces. A secret that does not open under the configured KEK
     * (another KEK, or a changed row) is logged and left out: a subscription without any usable one is absent
     * from the map, and its deliveries fail without being sent.
     */
    Map<UUID, List<String>> signing(Connection c, Collection<UUID> subscriptionIds, OffsetDateTime now)
            throws SQLException {
        Map<UUID, List<String>> secrets = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT subscription_id, generation, kek_id, nonce, sealed FROM webhook_secret
                WHERE subscription_id = ANY (?) AND (retires_at IS NULL OR retires_at > ?)
                ORDER BY subscription_id, generation DESC""")) {
            select.setArray(1, c.createArrayOf("uuid", subscriptionIds.toArray()));
            select.setObject(2, now);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID subscription = rs.getObject(1, UUID.class);
                    int generation = rs.getInt(2);
                    byte[] plain;
                    try {
                        if (!KeyEncryptionKey.sameId(rs.getString(3), kek.id())) {
                            throw new IllegalStateException("it was sealed under another key-encryption key (KEK id "
                                    + rs.getString(3) + "), not the configured one (" + kek.id() + ")");
                        }
                        plain = kek.open(
                                context(subscription, generation),
                                new KeyEncryptionKey.Sealed(rs.getBytes(4), rs.getBytes(5)));
                    } catch (IllegalStateException e) {
                        LOG.errorf(
                                "secret %d of webhook subscription %s is not usable, its deliveries fail: %s",
                                generation, subscription, e.getMessage());
                        continue;
                    }
                    secrets.computeIfAbsent(subscription, s -> new ArrayList<>())
                            .add(new String(plain, StandardCharsets.UTF_8));
                    Arrays.fill(plain, (byte) 0);
                }
            }
        }
        return secrets;
    }

    private static String context(UUID subscriptionId, int generation) {
        return "webhook-secret:" + subscriptionId + ":" + generation;
    }
}
