package org.consentgov.consent.api;

import jakarta.ws.rs.Path;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.platform.events.SecretRotations;
import org.consentgov.platform.events.WebhookSubscriptionResource;
import org.consentgov.platform.events.WebhookSubscriptions;
import org.consentgov.platform.idempotency.IdempotentExecutor;

/** Webhook subscriptions to consent events; the operations are the platform's. */
@Path("/api/consents/subscriptions")
public class ConsentSubscriptionResource extends WebhookSubscriptionResource {

    public ConsentSubscriptionResource(
            WebhookSubscriptions subscriptions, SecretRotations rotations, IdempotentExecutor idempotency) {
        super(subscriptions, rotations, idempotency, ConsentEvents.TYPES);
    }
}
