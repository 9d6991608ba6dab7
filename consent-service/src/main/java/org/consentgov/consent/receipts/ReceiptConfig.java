package org.consentgov.consent.receipts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "consent.receipts")
public interface ReceiptConfig {

    /** The key-encryption key's setting as error messages name it (never its value). */
    String KEK_SETTING = "consent.receipts.kek (CONSENT_RECEIPT_KEK)";

    /**
     * The key-encryption key: the base64 of 32 random bytes ({@code openssl rand -base64 32}), from a secret
     * ({@code CONSENT_RECEIPT_KEK}). It seals the private halves of the signing keys stored in the database. No
     * default in production: without it the service does not start. The same KEK seals this service's webhook
     * secrets ({@code platform.kek} is set to it in application.properties). The dev and test profiles have fixed,
     * test-only values.
     */
    Optional<String> kek();

    /**
     * Path of a PEM file holding an existing signing key (see {@link SigningKey}), imported once into the key table:
     * as the active key when there is none yet, otherwise as a retired key that stays in the JWKS, so that the
     * receipts it signed keep verifying. Not needed otherwise: the service makes its own keys.
     */
    Optional<String> privateKeyLocation();

    /** How long a key signs before the scheduled rotation replaces it (it stays in the JWKS for ever). */
    @WithDefault("90d")
    Duration rotationPeriod();

    /** How often each replica checks whether the active key is due for rotation ({@code off} to never check). */
    @WithDefault("1h")
    String rotationCheckInterval();

    /** The {@code iss} of every receipt. */
    @WithDefault("consent-service")
    String issuer();
}
