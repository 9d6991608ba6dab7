package org.consentgov.consent.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;
import org.consentgov.platform.events.subscription.WebhookSubscriptionSettings;

/**
 * The service's own settings, {@code consent.*} in {@code application.properties} (receipts have theirs in
 * {@code ReceiptConfig}). Names follow the properties, so {@code consent.import.batch-size} is
 * {@code imports().batchSize()}.
 */
@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    /**
     * {@code org:slug org:slug …}: the notices each research organisation may ask the check API about, until
     * sharing-agreement-service answers it. Absent or blank: none.
     */
    Optional<String> researchNotices();

    /** Where the public text of a notice version is read, for receipts and FHIR. */
    String publicNoticeBaseUrl();

    DemoData demoData();

    Http http();

    @WithName("import")
    Import imports();

    Notices notices();

    NoticeEvents noticeEvents();

    Expiry expiry();

    interface Expiry {
        /** How often each replica looks for records past their end ({@code off} stops the job). */
        @WithDefault("15m")
        String every();

        /** Records expired in one transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface DemoData {
        /** Records synthetic consents at start-up. */
        boolean enabled();
    }

    interface Http {
        /** The body limit of every route but the streamed import. */
        MemorySize maxBodySize();
    }

    interface Import {
        /** The body limit of the streamed import (Quarkus's global limit is set to it). */
        MemorySize maxBodySize();

        /** Parsed lines written in one transaction. */
        @WithDefault("500")
        int batchSize();

        /** How many lines between two updates of the import's counts. */
        @WithDefault("5000")
        int progressEvery();
    }

    interface Notices {
        /** {@code Retry-After} when notice-service cannot be reached. */
        @WithDefault("30")
        int retryAfterSeconds();
    }

    /** The subscription to notice-service's events ({@code consent.notice-events.*}). */
    interface NoticeEvents extends WebhookSubscriptionSettings {}
}
