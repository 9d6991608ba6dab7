package org.consentgov.platform.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.consentgov.platform.events.WebhookSubscriptions.DeliveryStatus;
import org.consentgov.platform.events.WebhookViews.CreateWebhookSubscriptionRequest;
import org.consentgov.platform.events.WebhookViews.GeneratedWebhookSecret;
import org.consentgov.platform.events.WebhookViews.RotateWebhookSecretRequest;
import org.consentgov.platform.events.WebhookViews.WebhookDeliveryView;
import org.consentgov.platform.events.WebhookViews.WebhookSecretRotationView;
import org.consentgov.platform.events.WebhookViews.WebhookSubscriptionView;
import org.consentgov.platform.events.WebhookViews.WithGeneratedSecret;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The webhook subscription API of a service, for the DPO and integration clients. Each service subclasses it
 * with its own {@code @Path} under its gateway prefix (e.g. {@code /api/notices/subscriptions}) and the event
 * types it emits; everything else, annotations included, is here so that every service answers alike. The
 * operation ids get the service's noun from {@link EventApiOperationIds}. HTTP only.
 */
public abstract class WebhookSubscriptionResource {

    static final String TAG = "Webhook subscriptions";
    static final String IF_MATCH = "If-Match";

    private final WebhookSubscriptions subscriptions;
    private final SecretRotations rotations;
    private final IdempotentExecutor idempotency;
    private final Set<String> eventTypes;

    protected WebhookSubscriptionResource(
            WebhookSubscriptions subscriptions,
            SecretRotations rotations,
            IdempotentExecutor idempotency,
            Set<String> eventTypes) {
        this.subscriptions = subscriptions;
        this.rotations = rotations;
        this.idempotency = idempotency;
        this.eventTypes = Set.copyOf(eventTypes);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Tag(name = TAG, description = "Receivers of this service's events as signed CloudEvents (platform/WEBHOOKS.md)")
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "createWebhookSubscription",
            summary = "Subscribe a receiver to events",
            description =
                    "Deliveries are POSTed as CloudEvents 1.0 (structured JSON) signed with the secret, retried with "
                            + "backoff and parked after the last attempt. The secret is stored encrypted and never "
                            + "returned; one the service generated (no secret in the request) is in the 201 answer only. "
                            + "The caller's client and organisation own the subscription: only they and the dpo see it. "
                            + "The target must be https to public addresses only, unless its host is on the service's "
                            + "allow-list.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again; without the "
                    + "generated secret, which is shown once")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the subscription. With secret only when the service generated it",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            allOf = {WebhookSubscriptionView.class, GeneratedWebhookSecret.class},
                                            requiredProperties = {"id"})))
    @APIResponse(
            responseCode = "400",
            description =
                    "Malformed body, invalid URL or a secret with less than 256 bits of room (weak-webhook-secret)")
    @APIResponse(
            responseCode = "422",
            description = "A target refused by the fence (target-https-required, target-address-refused, "
                    + "target-unresolvable), an event type this service does not emit, or Idempotency-Key reused for "
                    + "another request")
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid CreateWebhookSubscriptionRequest request,
            UriInfo uri) {
        AtomicReference<String> generated = new AtomicReference<>();
        Response response = idempotency.execute(key, "POST " + uri.getPath(), request, () -> {
            WebhookSubscriptions.Created created = subscriptions.create(request, eventTypes);
            generated.set(created.generatedSecret());
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(created.subscription().id().toString())
                            .build())
                    .entity(created.subscription())
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(created.subscription().rowVersion()))
                    .build();
        });
        return shownOnce(response, generated.get());
    }

    @POST
    @Path("{id}/secret-rotations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Tag(name = TAG)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate a subscription's secret",
            description =
                    "The new secret (given, or generated and shown once in this answer) signs every delivery from "
                            + "now on; during the overlap (default 24 hours, at most 7 days) each delivery also carries the "
                            + "signatures of the secrets it replaces, so the receiver can switch at any moment "
                            + "(platform/WEBHOOKS.md). Afterwards only the new secret signs.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description =
                    "Makes a retry return the first answer (without a generated secret) instead of rotating again")
    @APIResponse(
            responseCode = "200",
            description = "Rotated. With secret only when the service generated it",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            allOf = {WebhookSecretRotationView.class, GeneratedWebhookSecret.class},
                                            requiredProperties = {"generation"})))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body, a weak secret (weak-webhook-secret) or an overlap outside PT0S..P7D")
    @APIResponse(responseCode = "404", description = "No such subscription, or not the caller's")
    @APIResponse(responseCode = "409", description = "The subscription is deactivated")
    @APIResponse(responseCode = "412", description = "The subscription changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response rotateSecret(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The subscription's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam(IF_MATCH)
                    String ifMatch,
            @Valid RotateWebhookSecretRequest request,
            @Context UriInfo uri) {
        long expected = ETags.expectedVersion(ifMatch);
        AtomicReference<String> generated = new AtomicReference<>();
        Response response =
                idempotency.execute(key, "POST " + uri.getPath(), request == null ? Map.of() : request, () -> {
                    SecretRotations.Rotated rotated = rotations.rotate(id, request, expected);
                    generated.set(rotated.generatedSecret());
                    return Response.ok(rotated.rotation())
                            .type(MediaType.APPLICATION_JSON)
                            .tag(ETags.of(rotated.rowVersion()))
                            .build();
                });
        return shownOnce(response, generated.get());
    }

    /** The answer with the generated secret added; the stored copy a replay would send has none. */
    private static Response shownOnce(Response response, String generatedSecret) {
        if (generatedSecret == null) {
            return response;
        }
        return Response.fromResponse(response)
                .entity(new WithGeneratedSecret(response.getEntity(), generatedSecret))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Tag(name = TAG)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "List webhook subscriptions",
            description = "Newest first, active and deactivated: the caller's own, or every one for the dpo.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public PageView<WebhookSubscriptionView> list(
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return subscriptions.list(page, size);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Tag(name = TAG)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "getWebhookSubscription",
            summary = "Read a webhook subscription",
            description =
                    "Its target, event types and whether it is active; never its secret. The ETag is what DELETE needs in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription; ETag names its version",
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or not the caller's")
    public Response get(@PathParam("id") UUID id) {
        WebhookSubscriptionView subscription = subscriptions.get(id);
        return Response.ok(subscription)
                .type(MediaType.APPLICATION_JSON)
                .tag(ETags.of(subscription.rowVersion()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Tag(name = TAG)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "deactivateWebhookSubscription",
            summary = "Deactivate a webhook subscription",
            description =
                    "No more deliveries are made; the subscription and its delivery log stay readable. If-Match names the "
                            + "version read (GET's ETag); deactivating a subscription that is already inactive changes nothing.")
    @APIResponse(responseCode = "204", description = "Deactivated; ETag names the new version")
    @APIResponse(
            responseCode = "409",
            description =
                    "A system subscription, kept by one of the suite's services: only that service deactivates it")
    @APIResponse(responseCode = "404", description = "No such subscription, or not the caller's")
    public Response deactivate(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The subscription's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam(IF_MATCH)
                    String ifMatch) {
        long expected = ETags.expectedVersion(ifMatch);
        WebhookSubscriptionView deactivated = subscriptions.deactivate(id, expected);
        return Response.noContent().tag(ETags.of(deactivated.rowVersion())).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Tag(name = TAG)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Read a subscription's delivery log",
            description =
                    "Each event sent or to be sent to the subscription, newest first: status, attempts, the last answer or error.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Invalid paging or status")
    @APIResponse(responseCode = "404", description = "No such subscription, or not the caller's")
    public PageView<WebhookDeliveryView> deliveries(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Only deliveries in this state",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"PENDING", "DELIVERED", "PARKED"}))
                    @QueryParam("status")
                    @Pattern(regexp = "PENDING|DELIVERED|PARKED", message = "must be PENDING, DELIVERED or PARKED")
                    String status,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return subscriptions.deliveries(id, status == null ? null : DeliveryStatus.valueOf(status), page, size);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Tag(name = TAG)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "redeliverWebhookDelivery",
            summary = "Send a parked delivery again",
            description =
                    "Queues the parked delivery with its attempts reset; the dispatcher sends it within a round, and the "
                            + "later events of the same aggregate that waited behind it follow in order. If-Match names "
                            + "the delivery's version as the delivery log shows it (its etag).")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery, or not the caller's")
    @APIResponse(responseCode = "409", description = "The delivery is not parked, or the subscription is deactivated")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of a 409 (the delivery is no longer parked)")
    public Response redeliver(
            @PathParam("id") UUID id,
            @PathParam("deliveryId") UUID deliveryId,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The delivery's etag from the delivery log (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam(IF_MATCH)
                    String ifMatch,
            @Context UriInfo uri) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(key, "POST " + uri.getPath(), Arrays.asList(ifMatch), () -> {
            WebhookDeliveryView queued = subscriptions.redeliver(id, deliveryId, expected);
            return Response.accepted(queued)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(WebhookSubscriptions.version(queued)))
                    .build();
        });
    }
}
