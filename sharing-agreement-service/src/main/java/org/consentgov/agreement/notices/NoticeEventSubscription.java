package org.consentgov.agreement.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.consentgov.agreement.config.AgreementConfig;
import org.consentgov.platform.events.subscription.EventSubscriber;
import org.consentgov.platform.events.subscription.NoticeMaterialChange;

/**
 * This service's subscription to notice-service's material changes, delivered to
 * {@link org.consentgov.agreement.api.NoticeEventResource} and acted on by
 * {@link org.consentgov.agreement.domain.LinkedNoticeChanges}; the platform keeps it registered from start-up.
 */
@ApplicationScoped
public class NoticeEventSubscription {

    @Produces
    @Singleton
    EventSubscriber.Subscription materialChanges(AgreementConfig config) {
        return new EventSubscriber.Subscription(
                "notice events",
                config.noticeEvents(),
                List.of(NoticeMaterialChange.TYPE),
                "sharing-agreement-service: flag agreements linking a materially changed notice for review");
    }
}
