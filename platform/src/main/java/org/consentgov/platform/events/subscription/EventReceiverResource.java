package org.consentgov.platform.events.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import org.consentgov.platform.events.WebhookSignature;
import org.consentgov.platform.events.WebhookViews.ChangeEventSchema;
import org.consentgov.platform.problem.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;

/**
 * The webhook receiver of one subscription to another service's events. Each service subclasses it with its own
 * {@code @Path} and {@code @Tag}, its reaction and its settings; the operation, annotations included, is here so
 * that every receiver answers alike. HTTP only: the work is {@link EventInbox}'s and the reaction's.
 *
 * <p>Why a webhook rather than polling the publisher's change feed: DESIGN.md §2 says "other services subscribe
 * the same way", the platform already delivers signed, retried, ordered CloudEvents with a delivery log and
 * redelivery, and the reaction happens within a second of the change instead of a polling interval later, with
 * no cursor to keep and no timer running on every replica. The subscription is registered at start-up
 * ({@link EventSubscriber}); catching up on events older than the subscription is what the change feed is for.
 *
 * <p>No bearer token: the publisher's dispatcher sends none. Instead every request must carry a valid
 * {@code Webhook-Signature} (HMAC-SHA256 with the subscription's secret) whose timestamp is within five minutes
 * (platform/WEBHOOKS.md); anything else is a 401 problem and changes nothing. The body is verified as the raw
 * bytes received, then parsed. Redeliveries are dropped by event id in {@link EventInbox#accept}. The security
 * scheme is declared by {@link WebhookSignatureScheme}.
 */
public abstract class EventReceiverResource {

    private static final Logger LOG = Logger.getLogger(EventReceiverResource.class);

    private final EventInbox inbox;
    private final EventReaction reaction;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String secret;
    private final ErrorCode invalidSignature;

    protected EventReceiverResource(
            EventInbox inbox,
            EventReaction reaction,
            ObjectMapper mapper,
            Clock clock,
            WebhookSubscriptionSettings settings,
            ErrorCode invalidSignature) {
        this.inbox = inbox;
        this.reaction = reaction;
        this.mapper = mapper;
        this.clock = clock;
        this.secret = settings.usableSecret().orElse(null);
        this.invalidSignature = invalidSignature;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = WebhookSignatureScheme.NAME)
    @Operation(
            operationId = "receiveNoticeEvent",
            summary = "Webhook: a signed CloudEvent from notice-service",
            description = "Authenticated by the Webhook-Signature (platform/WEBHOOKS.md), not by a bearer token. "
                    + "A material change flags this service's records that depend on an older version of the notice; "
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
            throw invalidSignature.problem(
                    "The Webhook-Signature is missing, wrong or outside the 5-minute replay window");
        }
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (IOException e) {
            throw reaction.invalidEvent().problem("The body is not a JSON CloudEvent", null);
        }
        if (event == null || !event.isObject() || !id.equals(event.path("id").asText())) {
            throw reaction.invalidEvent().problem("The body's id must be the Webhook-Id", "id");
        }
        EventInbox.Outcome outcome = inbox.accept(ReceivedEvent.of(event), reaction);
        LOG.infof(
                "event %s (%s): %s, %d record(s) flagged",
                outcome.eventId(),
                outcome.type(),
                outcome.duplicate() ? "already processed" : "processed",
                outcome.recordsChanged());
        return Response.noContent().build();
    }
}
