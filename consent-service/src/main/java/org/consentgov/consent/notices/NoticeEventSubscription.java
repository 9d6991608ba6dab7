package org.consentgov.consent.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.platform.events.subscription.EventSubscriber;

/**
 * consent-service's subscription to notice-service's {@code org.consentgov.notice.material-change} events,
 * delivered to {@link org.consentgov.consent.api.NoticeEventResource}; the platform keeps it registered from
 * start-up ({@link EventSubscriber}: one per target URL, retried until notice-service accepts it).
 */
@ApplicationScoped
public class NoticeEventSubscription {

    public static final String MATERIAL_CHANGE = "org.consentgov.notice.material-change";

    @Produces
    @Singleton
    EventSubscriber.Subscription noticeEvents(ConsentConfig config) {
        return new EventSubscriber.Subscription(
                "notice events",
                config.noticeEvents(),
                List.of(MATERIAL_CHANGE),
                "consent-service: flag consents pinned to older versions for re-consent");
    }
}
