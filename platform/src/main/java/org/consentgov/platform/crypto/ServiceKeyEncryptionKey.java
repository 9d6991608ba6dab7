package org.consentgov.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's {@link KeyEncryptionKey}, from {@code platform.kek}: each service sets that key from its own
 * environment variable (notice-service {@code NOTICE_KEK}, consent-service {@code CONSENT_RECEIPT_KEK}, which also
 * seals its receipt keys, sharing-agreement-service {@code AGREEMENT_KEK}). There is no default outside the dev
 * and test profiles: a service without a KEK does not start ({@code SubscriptionSecrets} needs it at start-up).
 */
@ApplicationScoped
public class ServiceKeyEncryptionKey {

    public static final String PROPERTY = "platform.kek";
    static final String SETTING =
            PROPERTY + " (NOTICE_KEK, CONSENT_RECEIPT_KEK or AGREEMENT_KEK: the service's README names its variable)";

    @Produces
    @Singleton
    KeyEncryptionKey kek(@ConfigProperty(name = PROPERTY) Optional<String> base64) {
        return KeyEncryptionKey.fromBase64(base64.orElse(null), SETTING);
    }
}
