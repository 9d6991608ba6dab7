package org.consentgov.notice.api;

import jakarta.ws.rs.Path;
import org.consentgov.notice.events.NoticeEvents;
import org.consentgov.platform.events.SecretRotations;
import org.consentgov.platform.events.WebhookSubscriptionResource;
import org.consentgov.platform.events.WebhookSubscriptions;
import org.consentgov.platform.idempotency.IdempotentExecutor;

/** Webhook subscriptions to notice events; the operations are the platform's. */
@Path("/api/notices/subscriptions")
public class NoticeSubscriptionResource extends WebhookSubscriptionResource {

    public NoticeSubscriptionResource(
            WebhookSubscriptions subscriptions, SecretRotations rotations, IdempotentExecutor idempotency) {
        super(subscriptions, rotations, idempotency, NoticeEvents.TYPES);
    }
}
