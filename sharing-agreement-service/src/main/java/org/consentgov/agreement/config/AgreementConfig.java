package org.consentgov.agreement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.consentgov.platform.events.subscription.WebhookSubscriptionSettings;

@ConfigMapping(prefix = "agreement")
public interface AgreementConfig {

    DemoData demoData();

    DailyChecks dailyChecks();

    Notices notices();

    Decisions decisions();

    NoticeEvents noticeEvents();

    /** The subscription to notice-service's events ({@code agreement.notice-events.*}). */
    interface NoticeEvents extends WebhookSubscriptionSettings {}

    interface DemoData {
        /** Load the seed organisations and the two seed agreements, signed and active, when they are not there yet. */
        @WithDefault("false")
        boolean enabled();
    }

    interface DailyChecks {
        /** When the daily checks run (Quartz-style cron, server time zone). */
        @WithDefault("0 15 2 * * ?")
        String cron();

        /** How long before a review falls due the agreement.review-due event is raised. */
        @WithDefault("P30D")
        Duration reviewLeadTime();

        /** How long before a research access window ends the agreement.access-window-ending event is raised. */
        @WithDefault("P14D")
        Duration accessWindowLeadTime();
    }

    interface Notices {
        /** Retry-After sent with a 503 when notice-service cannot answer. */
        @WithDefault("30")
        int retryAfterSeconds();

        /** How long a sharing decision waits for the notice version in force before it cites none. */
        @WithDefault("3000")
        long timeoutMs();
    }

    interface Decisions {
        /** How long after a PERMIT a disclosure may be recorded under it; later, ask again. */
        @WithDefault("PT15M")
        Duration permitValidFor();
    }
}
