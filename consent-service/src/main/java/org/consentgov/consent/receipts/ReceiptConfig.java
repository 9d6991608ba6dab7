package org.consentgov.consent.receipts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "consent.receipts")
public interface ReceiptConfig {

    /**
     * Path of a PEM file holding the signing key: a PKCS#8 {@code PRIVATE KEY} block (RSA of at least
     * 2048 bits, or EC P-256, P-384 or P-521) and, for EC keys, its {@code PUBLIC KEY} block. Absent: an
     * ephemeral key is generated at start-up, and receipts stop verifying after a restart.
     */
    Optional<String> privateKeyLocation();

    /** The {@code iss} of every receipt. */
    @WithDefault("consent-service")
    String issuer();
}
