package org.consentgov.agreement.api;

import jakarta.ws.rs.Path;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.platform.events.SecretRotations;
import org.consentgov.platform.events.WebhookSubscriptionResource;
import org.consentgov.platform.events.WebhookSubscriptions;
import org.consentgov.platform.idempotency.IdempotentExecutor;

/** Webhook subscriptions to agreement and disclosure events; the operations are the platform's. */
@Path("/api/agreements/subscriptions")
public class AgreementSubscriptionResource extends WebhookSubscriptionResource {

    public AgreementSubscriptionResource(
            WebhookSubscriptions subscriptions, SecretRotations rotations, IdempotentExecutor idempotency) {
        super(subscriptions, rotations, idempotency, EventTypes.CLOUD_EVENT_TYPES);
    }
}
