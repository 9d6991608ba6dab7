package org.consentgov.agreement.api;

import static org.consentgov.agreement.api.AgreementResponses.ok;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.ReasonRequest;
import org.consentgov.agreement.api.AgreementViews.ReviewRequest;
import org.consentgov.agreement.domain.AgreementLifecycle;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The lifecycle after signature for the DPO: activation, suspension, termination, review. HTTP only. */
@Path("/api/agreements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Information-sharing agreements, their versions, signatures and lifecycle")
@SecurityRequirement(name = "jwt")
public class AgreementLifecycleResource {

    private final AgreementLifecycle lifecycle;
    private final AgreementMapper mapper;
    private final IdempotentExecutor idempotency;

    public AgreementLifecycleResource(
            AgreementLifecycle lifecycle, AgreementMapper mapper, IdempotentExecutor idempotency) {
        this.lifecycle = lifecycle;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "activateAgreement",
            summary = "Bring a version into force",
            description =
                    "A suspended agreement back into force (the rules are checked again), or a version every party has signed. Without a version number: the one pending signature if any, else the suspended one.")
    @APIResponse(
            responseCode = "200",
            description = "Active",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No such agreement or version")
    @APIResponse(
            responseCode = "409",
            description = "Signatures missing, or the version cannot be activated in its state")
    @APIResponse(responseCode = "422", description = "A rule is broken")
    @APIResponse(responseCode = "503", description = "notice-service cannot answer; nothing changed")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    public Response activate(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(
                            description =
                                    "The version to bring into force; by default the one pending signature, else the suspended one")
                    @QueryParam("version")
                    @Min(1)
                    Integer version) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/agreements/" + id + "/activate",
                Arrays.asList(ifMatch, version),
                () -> ok(mapper.view(lifecycle.activate(id, expected, version))));
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "suspendAgreement",
            summary = "Suspend an active agreement",
            description = "While suspended every sharing decision under it is DENY.")
    @APIResponse(
            responseCode = "200",
            description = "Suspended",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "Not active")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    public Response suspend(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid ReasonRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/agreements/" + id + "/suspend",
                Arrays.asList(ifMatch, request),
                () -> ok(mapper.view(lifecycle.suspend(id, expected, request.reason()))));
    }

    @POST
    @Path("{id}/terminate")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "terminateAgreement",
            summary = "Terminate an agreement",
            description = "Ends it for good, with any variation under way. Its versions stay readable.")
    @APIResponse(
            responseCode = "200",
            description = "Terminated",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "Already expired or terminated")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    public Response terminate(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid ReasonRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/agreements/" + id + "/terminate",
                Arrays.asList(ifMatch, request),
                () -> ok(mapper.view(lifecycle.terminate(id, expected, request.reason()))));
    }

    @POST
    @Path("{id}/reviews")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "reviewAgreement",
            summary = "Record a review",
            description = "The next review falls due one review cycle from today.")
    @APIResponse(
            responseCode = "200",
            description = "Reviewed",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Note missing")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "Not in force")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    public Response review(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid ReviewRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/agreements/" + id + "/reviews",
                Arrays.asList(ifMatch, request),
                () -> ok(mapper.view(lifecycle.review(id, expected, request.note()))));
    }
}
