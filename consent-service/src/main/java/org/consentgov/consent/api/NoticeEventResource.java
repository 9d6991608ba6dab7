package org.consentgov.consent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.consent.domain.NoticeEventReactions;
import org.consentgov.platform.events.WebhookSignature;
import org.consentgov.platform.events.WebhookViews.ChangeEventSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The webhook receiver for notice-service's events (org.consentgov.notice.material-change): how consent-service
 * learns that a notice changed materially, so that the consents pinned to older versions are flagged for
 * re-consent.
 *
 * <p>Why a webhook rather than polling notice-service's change feed: DESIGN.md §2 says "other services subscribe
 * the same way", the platform already delivers signed, retried, ordered CloudEvents with a delivery log and
 * redelivery, and the flags appear within a second of the publish instead of a polling interval later, with no
 * cursor to keep and no timer running on every replica. The subscription is registered at start-up
 * ({@link org.consentgov.consent.notices.NoticeEventSubscription}); catching up on events older than the
 * subscription is what the change feed is for.
 *
 * <p>No bearer token: notice-service's dispatcher sends none. Instead every request must carry a valid
 * {@code Webhook-Signature} (HMAC-SHA256 with the subscription's secret, {@code CONSENT_NOTICE_EVENTS_SECRET})
 * whose timestamp is within five minutes (platform/WEBHOOKS.md); anything else is a 401 problem and changes
 * nothing. The body is verified as the raw bytes received, then parsed. Redeliveries are dropped by event id in
 * {@link NoticeEventReactions#onNoticeEvent}.
 */
@Path("/api/consents/notice-events")
@Tag(name = "Notice events", description = "Webhook receiver for notice-service's events")
@SecurityScheme(
        securitySchemeName = "webhookSignature",
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = WebhookSignature.SIGNATURE_HEADER,
        description =
                "HMAC-SHA256 with the subscription's shared secret over "
                        + "<Webhook-Id>.<Webhook-Timestamp>.<body>, sent as v1=<base64>; the timestamp must be within 5 minutes (platform/WEBHOOKS.md)")
@SecurityRequirement(name = "webhookSignature")
public class NoticeEventResource {

    private static final Logger LOG = Logger.getLogger(NoticeEventResource.class);

    private final NoticeEventReactions consents;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String secret;

    public NoticeEventResource(NoticeEventReactions consents, ObjectMapper mapper, Clock clock, ConsentConfig config) {
        this.consents = consents;
        this.mapper = mapper;
        this.clock = clock;
        this.secret = config.noticeEvents().secret().filter(s -> !s.isBlank()).orElse(null);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "receiveNoticeEvent",
            summary = "Webhook: a signed CloudEvent from notice-service",
            description = "Authenticated by the Webhook-Signature (platform/WEBHOOKS.md), not by a bearer token. "
                    + "A material change flags the ACTIVE consents pinned to older versions for re-consent; "
                    + "a redelivered event id changes nothing.")
    @APIResponse(responseCode = "204", description = "Stored (or already processed: the same event id)")
    @APIResponse(responseCode = "400", description = "Not a CloudEvent, or its id is not the Webhook-Id")
    @APIResponse(responseCode = "401", description = "Signature missing, wrong or outside the 5-minute replay window")
    @RequestBody(
            required = true,
            description = "The event: a CloudEvent 1.0 in structured JSON",
            content =
                    @Content(
                            mediaType = "application/cloudevents+json",
                            schema = @Schema(implementation = ChangeEventSchema.class),
                            examples =
                                    @ExampleObject(
                                            name = "material-change",
                                            summary = "A notice changed materially",
                                            value = """
            {"specversion": "1.0", "id": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "source": "/notice-service",
             "type": "org.consentgov.notice.material-change", "subject": "what-it-means-to-me", "time": "2026-04-01T10:00:00Z",
             "datacontenttype": "application/json", "data": {"slug": "what-it-means-to-me", "version": 2}, "position": 57}""")))
    public Response receive(
            @Parameter(
                            description = "The CloudEvent's id",
                            required = true,
                            example = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
                    @HeaderParam(WebhookSignature.ID_HEADER)
                    String id,
            @Parameter(
                            description = "When the delivery was sent, in epoch seconds",
                            required = true,
                            example = "1775037600",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 19, pattern = "[0-9]{1,19}"))
                    @HeaderParam(WebhookSignature.TIMESTAMP_HEADER)
                    String timestamp,
            @Parameter(
                            description =
                                    "v1=<base64 HMAC-SHA256>; several, space-separated, while a secret is rotated",
                            required = true,
                            example = "v1=K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1000))
                    @HeaderParam(WebhookSignature.SIGNATURE_HEADER)
                    String signature,
            byte[] body) {
        if (secret == null || !WebhookSignature.verify(secret, id, timestamp, body, signature, clock.instant())) {
            throw ConsentErrors.INVALID_SIGNATURE.problem(
                    "The Webhook-Signature is missing, wrong or outside the 5-minute replay window");
        }
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (IOException e) {
            throw ConsentErrors.INVALID_EVENT.problem("The body is not a JSON CloudEvent", null);
        }
        if (event == null || !event.isObject() || !id.equals(event.path("id").asText())) {
            throw ConsentErrors.INVALID_EVENT.problem("The body's id must be the Webhook-Id", "id");
        }
        NoticeEventReactions.NoticeEventOutcome outcome = consents.onNoticeEvent(event);
        LOG.infof(
                "notice event %s (%s): %s, %d consent record(s) flagged for re-consent",
                outcome.eventId(),
                outcome.type(),
                outcome.duplicate() ? "already processed" : "processed",
                outcome.recordsFlagged());
        return Response.noContent().build();
    }
}
