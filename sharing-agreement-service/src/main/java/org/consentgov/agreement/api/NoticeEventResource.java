package org.consentgov.agreement.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import java.time.Clock;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.config.AgreementConfig;
import org.consentgov.agreement.domain.LinkedNoticeChanges;
import org.consentgov.platform.events.subscription.EventInbox;
import org.consentgov.platform.events.subscription.EventReceiverResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The webhook receiver for notice-service's material changes: how agreements learn that a notice they link now
 * says more. Signed with {@code AGREEMENT_NOTICE_EVENTS_SECRET}; the operation is the platform's
 * {@link EventReceiverResource}, the reaction {@link LinkedNoticeChanges}.
 */
@Path("/api/agreements/notice-events")
@Tag(name = "Notice events", description = "Webhook receiver for notice-service's events")
public class NoticeEventResource extends EventReceiverResource {

    public NoticeEventResource(
            EventInbox inbox,
            LinkedNoticeChanges agreements,
            ObjectMapper mapper,
            Clock clock,
            AgreementConfig config) {
        super(inbox, agreements, mapper, clock, config.noticeEvents(), AgreementErrors.INVALID_SIGNATURE);
    }
}
