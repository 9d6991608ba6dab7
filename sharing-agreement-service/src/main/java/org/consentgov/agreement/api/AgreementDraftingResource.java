package org.consentgov.agreement.api;

import static org.consentgov.agreement.api.AgreementResponses.location;
import static org.consentgov.agreement.api.AgreementResponses.ok;
import static org.consentgov.agreement.api.AgreementResponses.versionUri;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.CreateAgreementRequest;
import org.consentgov.agreement.api.AgreementViews.DraftRequest;
import org.consentgov.agreement.api.AgreementViews.VariationRequest;
import org.consentgov.agreement.domain.AgreementDrafting;
import org.consentgov.agreement.domain.AgreementDrafting.NewAgreement;
import org.consentgov.agreement.domain.AgreementDrafting.Variation;
import org.consentgov.platform.http.ETags;
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

/** Drafting agreements for the DPO: a new agreement, edits of a draft, variations. HTTP only. */
@Path("/api/agreements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Information-sharing agreements, their versions, signatures and lifecycle")
@SecurityRequirement(name = "jwt")
public class AgreementDraftingResource {

    private final AgreementDrafting drafting;
    private final AgreementMapper mapper;
    private final IdempotentExecutor idempotency;

    public AgreementDraftingResource(
            AgreementDrafting drafting, AgreementMapper mapper, IdempotentExecutor idempotency) {
        this.drafting = drafting;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "createAgreement",
            summary = "Draft an agreement",
            description = "Creates the agreement and its version 1 as a draft.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid body")
    @APIResponse(responseCode = "409", description = "Another agreement with this reference overlaps these dates")
    @APIResponse(responseCode = "422", description = "Unknown organisation or vocabulary code, end before start…")
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid CreateAgreementRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/agreements", request, () -> {
            AgreementView created =
                    mapper.view(drafting.create(new NewAgreement(request.reference(), request.content())));
            return Response.created(location(uri, created.id()))
                    .entity(created)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(created.rowVersion()))
                    .build();
        });
    }

    @PUT
    @Path("{id}/versions/{number}")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "updateAgreementDraft",
            summary = "Replace a draft's content",
            description = "Only a draft changes. Send the agreement's ETag in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The updated draft",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such agreement or version")
    @APIResponse(responseCode = "409", description = "Not a draft, or the reference would overlap another agreement")
    @APIResponse(responseCode = "422", description = "Unknown organisation or vocabulary code, end before start…")
    public Response updateDraft(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Version number, from 1",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("number")
                    @Min(1)
                    int number,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid DraftRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(mapper.view(drafting.updateDraft(id, number, expected, request.content())));
    }

    @POST
    @Path("{id}/variations")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "varyAgreement",
            summary = "Start a variation",
            description =
                    "A new draft version, a copy of the latest unless content is sent. Every party signs it again; until then the version in force stays in force.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(
            responseCode = "409",
            description = "Terminated or expired, never in force, or a variation already open")
    @APIResponse(responseCode = "422", description = "Unknown organisation or vocabulary code…")
    public Response vary(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Valid VariationRequest request,
            UriInfo uri) {
        VariationRequest body = request == null ? new VariationRequest(null, null) : request;
        return idempotency.execute(key, "POST /api/agreements/" + id + "/variations", body, () -> {
            AgreementView draft = mapper.view(drafting.vary(id, new Variation(body.content(), body.reason())));
            return Response.created(versionUri(uri, id, draft.version()))
                    .entity(draft)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(draft.rowVersion()))
                    .build();
        });
    }
}
