package org.consentgov.consent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import java.time.Clock;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.consent.domain.NoticeEventReactions;
import org.consentgov.platform.events.subscription.EventInbox;
import org.consentgov.platform.events.subscription.EventReceiverResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The webhook receiver for notice-service's events (org.consentgov.notice.material-change): how consent-service
 * learns that a notice changed materially, so that the consents pinned to older versions are flagged for
 * re-consent. Signed with {@code CONSENT_NOTICE_EVENTS_SECRET}; the operation is the platform's
 * {@link EventReceiverResource} (why a webhook, how it is authenticated), the reaction {@link NoticeEventReactions}.
 */
@Path("/api/consents/notice-events")
@Tag(name = "Notice events", description = "Webhook receiver for notice-service's events")
public class NoticeEventResource extends EventReceiverResource {

    public NoticeEventResource(
            EventInbox inbox, NoticeEventReactions consents, ObjectMapper mapper, Clock clock, ConsentConfig config) {
        super(inbox, consents, mapper, clock, config.noticeEvents(), ConsentErrors.INVALID_SIGNATURE);
    }
}
