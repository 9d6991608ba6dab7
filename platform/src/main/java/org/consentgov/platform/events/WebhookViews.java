package org.consentgov.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the subscription API and the change feed, the same in every service. */
public final class WebhookViews {

    private WebhookViews() {}

    @Schema(name = "CreateWebhookSubscription", description = "A receiver of this service's events", examples = """
            {"targetUrl": "https://eyes.luton.gov.uk/hooks/consent-governance", "eventTypes": ["org.consentgov.notice.published"],
             "secret": "Vq3tKx9bWm2Lr7Yz5Hc8Nf4Pj6Sd1Ga0Ue-Ti_Ko3Ry", "description": "EYES: re-consent workflow"}""")
    public record CreateWebhookSubscriptionRequest(
            @Schema(
                    description = "Where deliveries are POSTed: an absolute https URL without credentials, whose "
                            + "host resolves only to public addresses (plain http and other addresses only for hosts "
                            + "on the service's allow-list)",
                    examples = "https://eyes.luton.gov.uk/hooks/consent-governance")
            @NotBlank
            @Size(max = 2000)
            String targetUrl,

            @Schema(
                    description = "The event types to receive; each must be one this service emits",
                    examples = "[\"org.consentgov.notice.published\"]")
            @NotEmpty
            @Size(max = 50)
            List<@NotBlank @Size(max = 255) String> eventTypes,

            @Schema(
                    description =
                            "Shared secret that signs every delivery (HMAC-SHA256), with at least 256 random bits: "
                                    + "43 to 256 base64 or base64url characters (64 or more if all are hex digits), at least 10 "
                                    + "different ones, e.g. from 'openssl rand -base64 32'. Leave it out and the service "
                                    + "generates one and shows it once, in the 201 answer. Stored encrypted; never returned.",
                    writeOnly = true,
                    minLength = WebhookSecretRule.MIN_CHARACTERS,
                    maxLength = WebhookSecretRule.MAX_CHARACTERS,
                    pattern = "^[A-Za-z0-9_+/-]+={0,2}$")
            String secret,

            @Schema(description = "What the subscription is for", examples = "EYES: re-consent workflow")
            @Size(max = 500)
            String description) {

        @Override
        public String toString() {
            return "CreateWebhookSubscriptionRequest[targetUrl=" + targetUrl + ", eventTypes=" + eventTypes + "]";
        }
    }

    @Schema(
            name = "WebhookSubscription",
            description = "A receiver of events; its secret is never shown",
            examples = """
            {"id": "3f1d2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c", "targetUrl": "https://eyes.luton.gov.uk/hooks/consent-governance",
             "eventTypes": ["org.consentgov.notice.published"], "description": "EYES: re-consent workflow", "active": true,
             "createdBy": "eyes-integration", "createdAt": "2026-02-01T08:00:00Z", "ownerClient": "eyes-integration",
             "ownerOrganisation": "luton-council", "system": false}""")
    public record WebhookSubscriptionView(
            UUID id,

            @Schema(examples = "https://eyes.luton.gov.uk/hooks/consent-governance")
            String targetUrl,

            List<String> eventTypes,
            String description,

            @Schema(description = "False once deactivated: no more deliveries, the log stays")
            boolean active,

            String createdBy,
            Instant createdAt,
            String deactivatedBy,
            Instant deactivatedAt,

            @Schema(
                    description =
                            "The OAuth client that created the subscription and owns it; absent for subscriptions "
                                    + "older than ownership, which only the dpo sees",
                    examples = "eyes-integration")
            String ownerClient,

            @Schema(description = "The owner's organisation", examples = "luton-council")
            String ownerOrganisation,

            @Schema(
                    description = "A system subscription: one of the suite's own services keeps it for itself (e.g. "
                            + "consent-service listening to notice events); only that service can deactivate it")
            boolean system,

            @Schema(hidden = true) @JsonIgnore long rowVersion) {}

    @Schema(
            name = "RotateWebhookSecret",
            description = "A new secret for a subscription, and how long the secrets in use keep signing beside it",
            examples = """
            {"overlap": "PT24H"}""")
    public record RotateWebhookSecretRequest(
            @Schema(
                    description = "The new secret, under the same rule as at creation; leave it out and the service "
                            + "generates one and shows it once, in this answer",
                    writeOnly = true,
                    minLength = WebhookSecretRule.MIN_CHARACTERS,
                    maxLength = WebhookSecretRule.MAX_CHARACTERS,
                    pattern = "^[A-Za-z0-9_+/-]+={0,2}$")
            String secret,

            @Schema(
                    description = "ISO-8601 duration from PT0S to P7D during which every delivery is signed with the "
                            + "new secret and the ones it replaces; PT24H when left out",
                    examples = "PT24H",
                    maxLength = 32)
            @Size(max = 32)
            String overlap) {

        @Override
        public String toString() {
            return "RotateWebhookSecretRequest[overlap=" + overlap + "]";
        }
    }

    @Schema(
            name = "WebhookSecretRotation",
            description = "A rotated secret: its generation, and when the secrets it replaces stop signing",
            examples = """
            {"subscriptionId": "3f1d2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c", "generation": 2, "rotatedAt": "2026-03-01T09:00:00Z",
             "rotatedBy": "eyes-integration", "previousSecretsRetireAt": "2026-03-02T09:00:00Z"}""")
    public record WebhookSecretRotationView(
            UUID subscriptionId,

            @Schema(description = "1 for the secret the subscription was created with, one more per rotation")
            int generation,

            Instant rotatedAt,
            String rotatedBy,

            @Schema(
                    description =
                            "Until then deliveries carry a signature per secret in use; afterwards only the new one's")
            Instant previousSecretsRetireAt) {}

    @Schema(
            name = "GeneratedWebhookSecret",
            description = "The secret the service generated because the request had none: shown in this answer only")
    public record GeneratedWebhookSecret(
            @Schema(
                    description = "32 random bytes, base64url without padding; keep it, it is never shown again",
                    examples = "Vq3tKx9bWm2Lr7Yz5Hc8Nf4Pj6Sd1Ga0Ue-Ti_Ko3Ry")
            String secret) {}

    /**
     * A response body with a secret the service generated: the fields of {@code resource} and {@code secret}. Sent
     * once and never stored: an idempotent replay of the request answers with {@code resource} alone.
     */
    @Schema(hidden = true)
    public static final class WithGeneratedSecret {

        @JsonUnwrapped
        public final Object resource;

        public final String secret;

        public WithGeneratedSecret(Object resource, String secret) {
            this.resource = resource;
            this.secret = secret;
        }

        @Override
        public String toString() {
            return "WithGeneratedSecret[" + resource + "]";
        }
    }

    @Schema(
            name = "WebhookDelivery",
            description = "One event for one subscription, and what became of it",
            examples = """
            {"id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d", "subscriptionId": "3f1d2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c",
             "eventId": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "eventType": "org.consentgov.notice.published", "eventPosition": 42,
             "subject": "what-it-means-to-me", "status": "PENDING", "attempts": 0, "nextAttemptAt": "2026-02-03T11:00:01Z",
             "createdAt": "2026-02-02T09:00:00Z", "redeliveredBy": "dpo", "redeliveredAt": "2026-02-03T11:00:00Z",
             "etag": "\\"3\\""}""")
    public record WebhookDeliveryView(
            UUID id,
            UUID subscriptionId,

            @Schema(description = "The CloudEvent id (also the Webhook-Id header)")
            UUID eventId,

            @Schema(examples = "org.consentgov.notice.published")
            String eventType,

            @Schema(description = "The event's change-feed position")
            long eventPosition,

            @Schema(description = "The aggregate the event is about (CloudEvent subject)")
            String subject,

            @Schema(enumeration = {"PENDING", "DELIVERED", "PARKED"})
            String status,

            @Schema(description = "Attempts made so far (reset by a redelivery)")
            int attempts,

            @Schema(description = "When the next attempt is due; only while PENDING")
            Instant nextAttemptAt,

            Instant lastAttemptAt,

            @Schema(description = "HTTP status of the last answer, if there was one", examples = "503")
            Integer lastStatus,

            @Schema(description = "Why the last attempt failed", examples = "HTTP 503")
            String lastError,

            Instant deliveredAt,
            Instant createdAt,
            String redeliveredBy,
            Instant redeliveredAt,

            @Schema(
                    description = "The delivery's current ETag: send it in If-Match to redeliver it (a stale one is "
                            + "412); it changes with every attempt",
                    examples = "\"3\"")
            String etag) {}

    @Schema(name = "ChangeFeedPage", description = "Events after a position, oldest first", examples = """
            {"items": [{"specversion": "1.0", "id": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "source": "/notice-service",
              "type": "org.consentgov.notice.published", "subject": "what-it-means-to-me", "time": "2026-01-06T10:00:00Z",
              "datacontenttype": "application/json", "data": {"slug": "what-it-means-to-me", "version": 1}, "position": 42}],
             "next": 42}""")
    public record ChangeFeedView(
            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = ChangeEventSchema.class,
                    description = "CloudEvents 1.0 in structured JSON, each with its position")
            List<JsonNode> items,

            @Schema(
                    description =
                            "The position to send as after= next time; the same as after when there was nothing new",
                    examples = "42")
            long next) {}

    /** The shape of a change-feed item and a webhook body, for the OpenAPI document only. */
    @Schema(name = "ChangeEvent", description = "A CloudEvents 1.0 event in structured JSON mode")
    public record ChangeEventSchema(
            @Schema(examples = "1.0", enumeration = "1.0") String specversion,

            @Schema(description = "Stable event id: receivers de-duplicate by it")
            UUID id,

            @Schema(examples = "/notice-service", maxLength = 255)
            String source,

            @Schema(examples = "org.consentgov.notice.published", maxLength = 255)
            String type,

            @Schema(
                    description = "The aggregate: a notice slug or a consent record id",
                    examples = "what-it-means-to-me",
                    maxLength = 255)
            String subject,

            Instant time,

            @Schema(examples = "application/json", maxLength = 255)
            String datacontenttype,

            @Schema(
                    description = "The event's payload; ids only, never names or external identifiers",
                    type = SchemaType.OBJECT)
            Object data,

            @Schema(description = "Change-feed position; increases in commit order", examples = "42", minimum = "1")
            long position) {}
}
