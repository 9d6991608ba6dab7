package org.consentgov.consent.receipts;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.consentgov.consent.receipts.ReceiptKeys.KeyInfo;
import org.consentgov.platform.crypto.KeyEncryptionKey;

/**
 * The table {@code receipt_signing_key}, on the caller's connection: the advisory lock every change of keys holds,
 * the active key, and keys sealed under this replica's key-encryption key on the way in and opened on the way out.
 */
final class ReceiptKeyTable {

    /** The advisory lock every change of keys holds ("Receipts" in ASCII). */
    static final long LOCK = 0x5265636569707473L;

    static final String SYSTEM = "system";
    private static final String ACTIVE = "activated_at IS NOT NULL AND retired_at IS NULL";
    private static final String ACTIVE_FIRST =
            " ORDER BY (" + ACTIVE + ") DESC, activated_at DESC NULLS LAST, " + "created_at DESC, kid";

    private final KeyEncryptionKey kek;

    ReceiptKeyTable(KeyEncryptionKey kek) {
        this.kek = kek;
    }

    /** The clock's now as PostgreSQL keeps it, so that a key's dates read back as written. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static void lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.execute();
        }
    }

    static Optional<String> activeKid(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT kid FROM receipt_signing_key WHERE " + ACTIVE);
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    static Instant activatedAt(Connection c) throws SQLException {
        try (PreparedStatement select =
                        c.prepareStatement("SELECT activated_at FROM receipt_signing_key WHERE " + ACTIVE);
                ResultSet row = select.executeQuery()) {
            return row.next() ? instant(row, 1) : null;
        }
    }

    static boolean exists(Connection c, String kid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM receipt_signing_key WHERE kid = ?")) {
            select.setString(1, kid);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Every key's public half, the active one first. */
    static JWKSet publicJwks(Connection c) throws SQLException {
        List<JWK> keys = new ArrayList<>();
        try (PreparedStatement select =
                        c.prepareStatement("SELECT public_jwk FROM receipt_signing_key" + ACTIVE_FIRST);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(JWK.parse(rows.getString(1)));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("a stored receipt verification key is not a JWK", e);
        }
        return new JWKSet(keys);
    }

    /** Every key's dates and origin, the active one first. */
    static List<KeyInfo> list(Connection c) throws SQLException {
        List<KeyInfo> keys = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                        "SELECT kid, algorithm, origin, created_at, activated_at, retired_at FROM receipt_signing_key"
                                + ACTIVE_FIRST);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(new KeyInfo(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        instant(rows, 4),
                        instant(rows, 5),
                        instant(rows, 6)));
            }
        }
        return keys;
    }

    /** Retires the active key at {@code now}; answers its kid, or null when none was active. */
    static String retireActive(Connection c, Instant now) throws SQLException {
        try (PreparedStatement retire = c.prepareStatement(
                "UPDATE receipt_signing_key SET retired_at = ? WHERE " + ACTIVE + " RETURNING kid")) {
            retire.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = retire.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static void retire(Connection c, String kid, Instant now) throws SQLException {
        try (PreparedStatement retire =
                c.prepareStatement("UPDATE receipt_signing_key SET retired_at = ? WHERE kid = ?")) {
            retire.setTimestamp(1, Timestamp.from(now));
            retire.setString(2, kid);
            retire.executeUpdate();
        }
    }

    /** Stores a key, its private half sealed under the KEK (the plain bytes are wiped once sealed). */
    void insert(Connection c, SigningKey key, String origin, Instant now, boolean activate, String actor)
            throws SQLException {
        byte[] plain = key.privateJson().getBytes(StandardCharsets.UTF_8);
        KeyEncryptionKey.Sealed sealed;
        try {
            sealed = kek.seal(key.kid(), plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO receipt_signing_key (kid, algorithm, public_jwk, private_key_ciphertext, private_key_nonce,
                    kek_id, origin, created_at, activated_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, key.kid());
            insert.setString(2, key.algorithm().getName());
            insert.setString(3, key.publicJwk().toJSONString());
            insert.setBytes(4, sealed.ciphertext());
            insert.setBytes(5, sealed.nonce());
            insert.setString(6, kek.id());
            insert.setString(7, origin);
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setTimestamp(9, activate ? Timestamp.from(now) : null);
            insert.setString(10, actor);
            insert.executeUpdate();
        }
    }

    /**
     * Opens a stored key with this replica's KEK.
     *
     * @throws IllegalStateException when it was sealed under another KEK, or is not the key its kid names
     */
    SigningKey open(Connection c, String kid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT kek_id, private_key_nonce, private_key_ciphertext FROM receipt_signing_key WHERE kid = ?")) {
            select.setString(1, kid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("receipt signing key " + kid + " vanished");
                }
                String sealedUnder = row.getString(1);
                if (!KeyEncryptionKey.sameId(sealedUnder, kek.id())) {
                    throw new IllegalStateException("The active receipt signing key " + kid
                            + " was sealed under another key-encryption key (KEK id " + sealedUnder
                            + ") than the one configured (KEK id " + kek.id() + "). Set consent.receipts.kek "
                            + "(CONSENT_RECEIPT_KEK) to the KEK the keys were made with; consent-service will not sign "
                            + "receipts, nor make a new key, until it can open the active one.");
                }
                byte[] plain = kek.open(kid, new KeyEncryptionKey.Sealed(row.getBytes(2), row.getBytes(3)));
                try {
                    SigningKey key = SigningKey.fromPrivateJson(new String(plain, StandardCharsets.UTF_8));
                    if (!key.kid().equals(kid)) {
                        throw new IllegalStateException("stored receipt signing key " + kid + " is another key");
                    }
                    return key;
                } finally {
                    Arrays.fill(plain, (byte) 0);
                }
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp t = rows.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
