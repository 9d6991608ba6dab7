package org.consentgov.agreement.api;

import static org.consentgov.agreement.api.AgreementResponses.ok;
import static org.consentgov.agreement.api.AgreementResponses.versionUri;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.UUID;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.SignRequest;
import org.consentgov.agreement.domain.AgreementSigning;
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

/** Putting a draft up for signature, and the parties' signatures. HTTP only. */
@Path("/api/agreements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Information-sharing agreements, their versions, signatures and lifecycle")
@SecurityRequirement(name = "jwt")
public class AgreementSigningResource {

    private final AgreementSigning signing;
    private final AgreementMapper mapper;
    private final IdempotentExecutor idempotency;

    public AgreementSigningResource(AgreementSigning signing, AgreementMapper mapper, IdempotentExecutor idempotency) {
        this.signing = signing;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "submitAgreement",
            summary = "Put the draft up for signature",
            description =
                    "Checks every rule — Art 9 condition for special category data, linked notices published and naming every party and category, no insecure transfer of special category data — and fixes the content's SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "Pending signature",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "No draft to submit")
    @APIResponse(responseCode = "422", description = "A rule is broken; the problem names the rule and the field")
    @APIResponse(responseCode = "503", description = "notice-service cannot answer; nothing changed; see Retry-After")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    public Response submit(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/agreements/" + id + "/submit",
                Arrays.asList(ifMatch),
                () -> ok(mapper.view(signing.submit(id, expected))));
    }

    @POST
    @Path("{id}/signatures")
    @RolesAllowed({Roles.DPO, Roles.PARTNER, Roles.RESEARCHER})
    @Operation(
            operationId = "signAgreement",
            summary = "Sign for your organisation",
            description =
                    "A user of a party signs the version put up for signature. The last signature brings it into force from its start date (the rules are checked again). If-Match names the agreement as last read: each signature changes it, so a party signs what it has seen.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of signing again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "Signed; the body shows who has signed and the state",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(
            responseCode = "403",
            description = "Your organisation is not a party, or you are not one of its signatories")
    @APIResponse(responseCode = "404", description = "No such agreement or version, or not yours")
    @APIResponse(
            responseCode = "409",
            description = "Already signed, not pending signature, or the content hash is not this version's")
    @APIResponse(
            responseCode = "422",
            description = "The last signature could not bring it into force: a rule is broken")
    @APIResponse(
            responseCode = "503",
            description = "The last signature needs notice-service, which cannot answer; nothing changed")
    public Response sign(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid SignRequest request,
            UriInfo uri) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key, "POST /api/agreements/" + id + "/signatures", Arrays.asList(ifMatch, request), () -> {
                    AgreementView signed =
                            mapper.view(signing.sign(id, expected, request.version(), request.contentHash()));
                    return Response.created(versionUri(uri, id, signed.version()))
                            .entity(signed)
                            .type(MediaType.APPLICATION_JSON)
                            .tag(ETags.of(signed.rowVersion()))
                            .build();
                });
    }
}
