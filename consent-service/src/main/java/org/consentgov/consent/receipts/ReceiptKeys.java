package org.consentgov.consent.receipts;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The receipt signing keys, kept in the service's database so that every replica signs with the same key and every
 * receipt verifies for as long as the record exists (DESIGN §11), across restarts and rotations.
 *
 * <ul>
 *   <li>Exactly one key is active (a partial unique index); every change of keys holds a PostgreSQL advisory lock,
 *       so two replicas starting together, or a scheduled and an on-demand rotation at once, never make two.
 *   <li>The private half is stored sealed under the key-encryption key ({@link KeyEncryptionKey}); a KEK that cannot
 *       open the active key fails the start loudly and never makes a new key in its place.
 *   <li>A replica signs only with the key the database names active at the moment it signs (one indexed lookup
 *       per receipt; the decrypted key is cached by kid), so it never signs with a key the JWKS, which is read from
 *       the same table, does not publish.
 *   <li>Rotation, on demand (the DPO) or when the active key is older than {@code consent.receipts.rotation-period},
 *       retires the active key and activates a new one in one transaction. Retired keys stay in the JWKS for ever,
 *       and a trigger refuses to delete any key.
 * </ul>
 */
@ApplicationScoped
public class ReceiptKeys {

    /** A key as the DPO sees it: never its private half. */
    public record KeyInfo(
            String kid, String algorithm, String origin, Instant createdAt, Instant activatedAt, Instant retiredAt) {
        public boolean active() {
            return activatedAt != null && retiredAt == null;
        }
    }

    /** The result of a rotation: the key that signs from now on and the one it replaced. */
    public record Rotation(String kid, String previousKid, Instant activatedAt) {}

    private static final Logger LOG = Logger.getLogger(ReceiptKeys.class);
    /** The advisory lock every change of keys holds ("Receipts" in ASCII). */
    static final long LOCK = 0x5265636569707473L;

    private static final String ACTIVE = "activated_at IS NOT NULL AND retired_at IS NULL";
    private static final String SYSTEM = "system";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ReceiptConfig config;
    private final KeyEncryptionKey kek;
    private volatile SigningKey current;

    @Inject
    public ReceiptKeys(AgroalDataSource dataSource, Clock clock, ReceiptConfig config) {
        this(dataSource, clock, config, KeyEncryptionKey.fromBase64(config.kek().orElse(null)));
    }

    ReceiptKeys(AgroalDataSource dataSource, Clock clock, ReceiptConfig config, KeyEncryptionKey kek) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.kek = kek;
    }

    /** At start-up: makes (or imports) the first key when there is none, then opens the active one or fails. */
    void onStart(@Observes StartupEvent event) {
        start();
    }

    /**
     * Ensures there is an active key and that this replica's KEK opens it.
     *
     * @throws IllegalStateException when the KEK cannot open the active key
     */
    void start() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                lock(c);
                config.privateKeyLocation()
                        .filter(location -> !location.isBlank())
                        .ifPresent(location -> importOnce(c, new SigningKey(SigningKey.fromPem(Path.of(location)))));
                if (activeKid(c).isEmpty()) {
                    SigningKey first = SigningKey.generate();
                    insert(c, first, "GENERATED", now(), true, SYSTEM);
                    LOG.infof("made the first receipt signing key %s (%s)", first.kid(), first.algorithm());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the receipt signing keys", e);
            }
        });
        SigningKey active = signingKey();
        LOG.infof(
                "receipts are signed with key %s (%s); the JWKS publishes %d key(s)",
                active.kid(), active.algorithm(), publicJwks().size());
    }

    /**
     * The key to sign with now: the one the database names active, so always one the JWKS publishes.
     *
     * @throws IllegalStateException when no key is active or this replica's KEK cannot open it
     */
    public SigningKey signingKey() {
        try (Connection c = dataSource.getConnection()) {
            String kid = activeKid(c)
                    .orElseThrow(
                            () -> new IllegalStateException("no active receipt signing key in receipt_signing_key"));
            SigningKey cached = current;
            if (cached != null && cached.kid().equals(kid)) {
                return cached;
            }
            SigningKey opened = open(c, kid);
            current = opened;
            return opened;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt signing key", e);
        }
    }

    /** Every key ever used, public halves only, the active one first: what verifies every receipt ever issued. */
    public JWKSet publicJwks() {
        List<JWK> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT public_jwk FROM receipt_signing_key ORDER BY ("
                        + ACTIVE + ") DESC, activated_at DESC NULLS LAST, created_at DESC, kid");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(JWK.parse(rows.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt verification keys", e);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored receipt verification key is not a JWK", e);
        }
        return new JWKSet(keys);
    }

    /** Every key's dates and origin, the active one first. */
    public List<KeyInfo> keys() {
        List<KeyInfo> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT kid, algorithm, origin, created_at, activated_at, retired_at FROM receipt_signing_key "
                                + "ORDER BY (" + ACTIVE
                                + ") DESC, activated_at DESC NULLS LAST, created_at DESC, kid");
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt signing keys", e);
        }
        return keys;
    }

    /**
     * Retires the active key and activates a new one, in the caller's transaction (or a new one). The retired key
     * stays in the JWKS.
     */
    public Rotation rotate(String actor) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                lock(c);
                return rotate(c, actor, now());
            }
        });
    }

    /**
     * The scheduled rotation: rotates when the active key has signed for {@code rotation-period} or longer at
     * {@code now} (the clock's now on schedule; the new key's dates are the clock's). Under the advisory lock, and the
     * age is read again under it, so with several replicas exactly one rotates.
     *
     * @return the rotation, or empty when the key is not due
     */
    public Optional<Rotation> rotateIfDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                lock(c);
                Instant activatedAt = activatedAt(c);
                if (activatedAt != null && !due(activatedAt, config.rotationPeriod(), now)) {
                    return Optional.<Rotation>empty();
                }
                return Optional.of(rotate(c, SYSTEM, now()));
            }
        });
    }

    @Scheduled(
            identity = "consent-receipt-key-rotation",
            every = "${consent.receipts.rotation-check-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            rotateIfDue(clock.instant())
                    .ifPresent(r -> LOG.infof(
                            "rotated the receipt signing key on schedule: %s replaces %s", r.kid(), r.previousKid()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "scheduled receipt key rotation failed; the next check retries");
        }
    }

    /** The rotation rule: a key is due once it has been active for the whole period. */
    static boolean due(Instant activatedAt, Duration period, Instant now) {
        return !now.isBefore(activatedAt.plus(period));
    }

    private Rotation rotate(Connection c, String actor, Instant now) throws SQLException {
        SigningKey next = SigningKey.generate();
        String previous;
        try (PreparedStatement retire = c.prepareStatement(
                "UPDATE receipt_signing_key SET retired_at = ? WHERE " + ACTIVE + " RETURNING kid")) {
            retire.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = retire.executeQuery()) {
                previous = rows.next() ? rows.getString(1) : null;
            }
        }
        insert(c, next, "GENERATED", now, true, actor);
        LOG.infof("receipt signing key %s retired; %s signs from now on (rotated by %s)", previous, next.kid(), actor);
        return new Rotation(next.kid(), previous, now);
    }

    /** Imports a configured PEM key unless it is already in the table: active if none is, else retired at once. */
    private void importOnce(Connection c, SigningKey key) {
        try {
            if (exists(c, key.kid())) {
                return;
            }
            boolean activate = activeKid(c).isEmpty();
            Instant now = now();
            insert(c, key, "IMPORTED", now, activate, SYSTEM);
            if (!activate) {
                try (PreparedStatement retire =
                        c.prepareStatement("UPDATE receipt_signing_key SET retired_at = ? WHERE kid = ?")) {
                    retire.setTimestamp(1, Timestamp.from(now));
                    retire.setString(2, key.kid());
                    retire.executeUpdate();
                }
            }
            LOG.infof(
                    "imported receipt signing key %s from consent.receipts.private-key-location (%s)",
                    key.kid(), activate ? "active" : "verification only: another key is active");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import the configured receipt signing key", e);
        }
    }

    private void insert(Connection c, SigningKey key, String origin, Instant now, boolean activate, String actor)
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

    private SigningKey open(Connection c, String kid) throws SQLException {
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

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.execute();
        }
    }

    private static Optional<String> activeKid(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT kid FROM receipt_signing_key WHERE " + ACTIVE);
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    private static Instant activatedAt(Connection c) throws SQLException {
        try (PreparedStatement select =
                        c.prepareStatement("SELECT activated_at FROM receipt_signing_key WHERE " + ACTIVE);
                ResultSet row = select.executeQuery()) {
            return row.next() ? instant(row, 1) : null;
        }
    }

    private static boolean exists(Connection c, String kid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM receipt_signing_key WHERE kid = ?")) {
            select.setString(1, kid);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp t = rows.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
