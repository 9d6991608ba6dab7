package org.consentgov.consent.notices;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.platform.events.subscription.EventSubscriber;

/**
 * Subscribes consent-service, at start-up, to notice-service's {@code org.consentgov.notice.material-change}
 * events, delivered to {@link org.consentgov.consent.api.NoticeEventResource}; the platform's
 * {@link EventSubscriber} keeps the subscription (one per target URL, retried until notice-service accepts it).
 */
@ApplicationScoped
public class NoticeEventSubscription {

    public static final String MATERIAL_CHANGE = "org.consentgov.notice.material-change";

    private final EventSubscriber subscriber;
    private final EventSubscriber.Subscription subscription;

    public NoticeEventSubscription(EventSubscriber subscriber, ConsentConfig config) {
        this.subscriber = subscriber;
        this.subscription = new EventSubscriber.Subscription(
                "notice events",
                config.noticeEvents(),
                List.of(MATERIAL_CHANGE),
                "consent-service: flag consents pinned to older versions for re-consent");
    }

    void onStart(@Observes StartupEvent start) {
        subscriber.keepSubscribed(subscription);
    }

    /** What consent-service subscribes to, and where. */
    public EventSubscriber.Subscription subscription() {
        return subscription;
    }
}
