package org.consentgov.agreement.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.consentgov.agreement.api.DecisionViews.DecisionRequest;
import org.consentgov.agreement.api.DecisionViews.DecisionView;
import org.consentgov.agreement.api.DecisionViews.ReplayView;
import org.consentgov.agreement.domain.SharingDecisionService;
import org.consentgov.platform.idempotency.IdempotentExecutor;
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

/** Sharing decisions: may this organisation receive this data now? HTTP only. */
@Path("/api/sharing-decisions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Sharing decisions",
        description = "PERMIT or DENY, with every reason, the obligations and what was relied on")
@SecurityRequirement(name = "jwt")
public class SharingDecisionResource {

    private final SharingDecisionService service;
    private final DecisionMapper mapper;
    private final IdempotentExecutor idempotency;

    public SharingDecisionResource(
            SharingDecisionService service, DecisionMapper mapper, IdempotentExecutor idempotency) {
        this.service = service;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION, Roles.CASEWORKER, Roles.PARTNER, Roles.RESEARCHER})
    @Operation(
            operationId = "decideSharing",
            summary = "Decide whether data may be shared",
            description =
                    "May the recipient receive these categories about the subject for the purpose at that time (at, valid time, default now, may be in the past, at most five minutes ahead)? Evaluated with the agreement version, notice version and consent in force at that time, as the records stand when asked (decidedAt). PERMIT or DENY with every reason, the obligations and the agreement version, notice version and consent record relied on. Where the agreement requires consent, consent-service is asked; if it cannot answer the decision is DENY (consent-service-unavailable). Every decision is stored; with record: true a PERMIT is recorded as a disclosure in the same transaction. Partners and researchers may ask only about their own organisation and may not record.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first decision instead of deciding (and recording) again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "The decision, PERMIT or DENY; Location names it",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid subject identifier")
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown organisation or code; at more than five minutes ahead (decision-in-future, or disclosure-in-future when recording); recording without a transfer method")
    public Response decide(
            @HeaderParam(IdempotentExecutor.HEADER) String key, @NotNull @Valid DecisionRequest request, UriInfo uri) {
        // evaluated before the idempotency key's transaction: no connection is held while other services are asked
        SharingDecisionService.Evaluated evaluated = service.evaluate(DecisionMapper.command(request));
        return idempotency.execute(key, "POST /api/sharing-decisions", request, () -> {
            DecisionView decision = mapper.view(service.record(evaluated));
            return Response.created(uri.getBaseUriBuilder()
                            .path("api/sharing-decisions/{id}")
                            .build(decision.decisionId()))
                    .entity(decision)
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION, Roles.CASEWORKER, Roles.AUDITOR, Roles.PARTNER, Roles.RESEARCHER})
    @Operation(
            operationId = "getSharingDecision",
            summary = "Read a stored decision",
            description =
                    "Partners and researchers only decisions about their own organisation; auditors without the subject. The read is logged.")
    @APIResponse(
            responseCode = "200",
            description = "The decision",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "404", description = "No such decision, or not yours")
    public DecisionView get(@PathParam("id") UUID id) {
        return mapper.view(service.get(id));
    }

    @GET
    @Path("{id}/replay")
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION, Roles.CASEWORKER, Roles.AUDITOR, Roles.PARTNER, Roles.RESEARCHER})
    @Operation(
            operationId = "replaySharingDecision",
            summary = "Replay a stored decision",
            description =
                    "Evaluates the stored question again at its at with the data as it was known at its decidedAt (the agreements' history as written by then, the notice version in force at at, consent-service's answer as recorded at decidedAt) and answers the original and the replayed outcome, reasons and versions relied on, and whether they match. Writes no decision and no disclosure. Same readers as the decision; the read is logged.")
    @APIResponse(
            responseCode = "200",
            description = "The original and the replayed decision",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "404", description = "No such decision, or not yours")
    public ReplayView replay(@PathParam("id") UUID id) {
        return mapper.replay(service.replay(id));
    }
}
