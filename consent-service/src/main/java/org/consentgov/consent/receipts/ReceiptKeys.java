package org.consentgov.consent.receipts;

import com.nimbusds.jose.jwk.JWKSet;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.consentgov.platform.crypto.KeyEncryptionKey;
import org.jboss.logging.Logger;

/**
 * The receipt signing keys, kept in the service's database so that every replica signs with the same key and every
 * receipt verifies for as long as the record exists (DESIGN §11), across restarts and rotations
 * ({@link ReceiptKeyRotation}); the SQL is {@link ReceiptKeyTable}'s.
 *
 * <ul>
 *   <li>Exactly one key is active (a partial unique index); every change of keys holds a PostgreSQL advisory lock,
 *       so two replicas starting together, or a scheduled and an on-demand rotation at once, never make two.
 *   <li>The private half is stored sealed under the key-encryption key ({@link KeyEncryptionKey}); a KEK that cannot
 *       open the active key fails the start loudly and never makes a new key in its place.
 *   <li>A replica signs only with the key the database names active at the moment it signs (one indexed lookup
 *       per receipt; the decrypted key is cached by kid), so it never signs with a key the JWKS, which is read from
 *       the same table, does not publish.
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

    private static final Logger LOG = Logger.getLogger(ReceiptKeys.class);

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ReceiptConfig config;
    private final ReceiptKeyTable table;
    private volatile SigningKey current;

    @Inject
    public ReceiptKeys(AgroalDataSource dataSource, Clock clock, ReceiptConfig config) {
        this(
                dataSource,
                clock,
                config,
                KeyEncryptionKey.fromBase64(config.kek().orElse(null), ReceiptConfig.KEK_SETTING));
    }

    ReceiptKeys(AgroalDataSource dataSource, Clock clock, ReceiptConfig config, KeyEncryptionKey kek) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.table = new ReceiptKeyTable(kek);
    }

    /** The table, sealing and opening with this replica's KEK, for the rotation. */
    ReceiptKeyTable table() {
        return table;
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
                ReceiptKeyTable.lock(c);
                config.privateKeyLocation()
                        .filter(location -> !location.isBlank())
                        .ifPresent(location -> importOnce(c, new SigningKey(SigningKey.fromPem(Path.of(location)))));
                if (ReceiptKeyTable.activeKid(c).isEmpty()) {
                    SigningKey first = SigningKey.generate();
                    table.insert(c, first, "GENERATED", ReceiptKeyTable.now(clock), true, ReceiptKeyTable.SYSTEM);
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
            String kid = ReceiptKeyTable.activeKid(c)
                    .orElseThrow(
                            () -> new IllegalStateException("no active receipt signing key in receipt_signing_key"));
            SigningKey cached = current;
            if (cached != null && cached.kid().equals(kid)) {
                return cached;
            }
            SigningKey opened = table.open(c, kid);
            current = opened;
            return opened;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt signing key", e);
        }
    }

    /** Every key ever used, public halves only, the active one first: what verifies every receipt ever issued. */
    public JWKSet publicJwks() {
        try (Connection c = dataSource.getConnection()) {
            return ReceiptKeyTable.publicJwks(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt verification keys", e);
        }
    }

    /** Every key's dates and origin, the active one first. */
    public List<KeyInfo> keys() {
        try (Connection c = dataSource.getConnection()) {
            return ReceiptKeyTable.list(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the receipt signing keys", e);
        }
    }

    /** Imports a configured PEM key unless it is already in the table: active if none is, else retired at once. */
    private void importOnce(Connection c, SigningKey key) {
        try {
            if (ReceiptKeyTable.exists(c, key.kid())) {
                return;
            }
            boolean activate = ReceiptKeyTable.activeKid(c).isEmpty();
            Instant now = ReceiptKeyTable.now(clock);
            table.insert(c, key, "IMPORTED", now, activate, ReceiptKeyTable.SYSTEM);
            if (!activate) {
                ReceiptKeyTable.retire(c, key.kid(), now);
            }
            LOG.infof(
                    "imported receipt signing key %s from consent.receipts.private-key-location (%s)",
                    key.kid(), activate ? "active" : "verification only: another key is active");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import the configured receipt signing key", e);
        }
    }
}
