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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.ResolveWithdrawalRequest;
import org.consentgov.consent.api.ConsentViews.WithdrawalRequestView;
import org.consentgov.consent.domain.ConsentWithdrawals;
import org.consentgov.consent.persistence.WithdrawalRequest;
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

    public WithdrawalRequestResource(ConsentWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
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

    @POST
    @Path("{id}/resolve")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "resolveWithdrawalRequest",
            summary = "Accept or decline a late withdrawal",
            description =
                    "Accepting withdraws the record now; either way the decision and its reason join the record's history.")
    @APIResponse(
            responseCode = "200",
            description = "Resolved",
            content = @Content(schema = @Schema(implementation = WithdrawalRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already resolved")
    public WithdrawalRequestView resolve(@PathParam("id") UUID id, @NotNull @Valid ResolveWithdrawalRequest request) {
        return ConsentRecordMapper.view(
                withdrawals.resolve(id, ConsentRequestMapper.resolution(request.decision()), request.note()));
    }
}
