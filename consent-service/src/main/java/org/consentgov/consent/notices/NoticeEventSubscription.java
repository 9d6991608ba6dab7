package org.consentgov.consent.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.platform.events.subscription.EventSubscriber;
import org.consentgov.platform.events.subscription.NoticeMaterialChange;

/**
 * consent-service's subscription to notice-service's {@code org.consentgov.notice.material-change} events,
 * delivered to {@link org.consentgov.consent.api.NoticeEventResource}; the platform keeps it registered from
 * start-up ({@link EventSubscriber}: one per target URL, retried until notice-service accepts it).
 */
@ApplicationScoped
public class NoticeEventSubscription {

    @Produces
    @Singleton
    EventSubscriber.Subscription noticeEvents(ConsentConfig config) {
        return new EventSubscriber.Subscription(
                "notice events",
                config.noticeEvents(),
                List.of(NoticeMaterialChange.TYPE),
                "consent-service: flag consents pinned to older versions for re-consent");
    }
}
