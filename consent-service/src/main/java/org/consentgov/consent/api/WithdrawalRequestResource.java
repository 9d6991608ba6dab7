package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.ResolveWithdrawalRequest;
import org.consentgov.consent.api.ConsentViews.WithdrawalRequestView;
import org.consentgov.consent.domain.ConsentWithdrawals;
import org.consentgov.consent.persistence.WithdrawalRequest;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Withdrawals asked for after the window closed, referred to the DPO. */
@Path("/api/consents/withdrawal-requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Withdrawal requests", description = "Late withdrawals referred to the data protection officer")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "403", description = "Only the DPO")
public class WithdrawalRequestResource {

    private final ConsentWithdrawals withdrawals;
    private final IdempotentExecutor idempotency;

    public WithdrawalRequestResource(ConsentWithdrawals withdrawals, IdempotentExecutor idempotency) {
        this.withdrawals = withdrawals;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "listWithdrawalRequests",
            summary = "List late withdrawal requests",
            description = "Oldest first; filter by status (REFERRED for the DPO's queue).")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "Invalid status or paging")
    public PageView<WithdrawalRequestView> list(
            @Parameter(description = "Only requests in this status; REFERRED is the DPO's queue") @QueryParam("status")
                    WithdrawalRequest.Status status,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return withdrawals.requests(status, page, size).map(ConsentRecordMapper::view);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "getWithdrawalRequest",
            summary = "A late withdrawal request",
            description = "With its ETag, which resolving it needs in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content = @Content(schema = @Schema(implementation = WithdrawalRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request")
    public Response get(@PathParam("id") UUID id) {
        WithdrawalRequest request = withdrawals.request(id);
        return Response.ok(ConsentRecordMapper.view(request), MediaType.APPLICATION_JSON)
                .tag(ETags.of(request.rowVersion))
                .build();
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "resolveWithdrawalRequest",
            summary = "Accept or decline a late withdrawal",
            description =
                    "Accepting withdraws the record now; either way the decision and its reason join the record's history. If-Match (the request's ETag) required; an Idempotency-Key makes a retry answer the first answer.")
    @APIResponse(
            responseCode = "200",
            description = "Resolved",
            content = @Content(schema = @Schema(implementation = WithdrawalRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already resolved")
    public Response resolve(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The request's ETag as last read (a strong ETag such as \"0\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid ResolveWithdrawalRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(key, "POST /api/consents/withdrawal-requests/" + id + "/resolve", request, () -> {
            WithdrawalRequest resolved = withdrawals.resolve(
                    id, expected, ConsentRequestMapper.resolution(request.decision()), request.note());
            return Response.ok(ConsentRecordMapper.view(resolved), MediaType.APPLICATION_JSON)
                    .tag(ETags.of(resolved.rowVersion))
                    .build();
        });
    }
}
