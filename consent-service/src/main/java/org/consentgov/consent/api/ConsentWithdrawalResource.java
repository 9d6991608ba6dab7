package org.consentgov.consent.api;

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
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.api.ConsentRequests.WithdrawRequest;
import org.consentgov.consent.api.ConsentViews.WithdrawalOutcome;
import org.consentgov.consent.domain.ConsentWithdrawals;
import org.consentgov.consent.domain.ConsentWithdrawals.WithdrawalResult;
import org.consentgov.consent.domain.WithdrawalDecision;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemMappers;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Withdrawing a consent: at once inside the window, else referred to the DPO and answered 409. */
@Path("/api/consents/{id}/withdrawals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentWithdrawalResource {

    private final ConsentWithdrawals withdrawals;
    private final IdempotentExecutor idempotency;
    private final ProblemMappers problems = new ProblemMappers();

    public ConsentWithdrawalResource(ConsentWithdrawals withdrawals, IdempotentExecutor idempotency) {
        this.withdrawals = withdrawals;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "withdrawConsent",
            summary = "Withdraw a consent",
            description =
                    "Inside the notice's window (Europe/London, inclusive) the record is withdrawn at once. After it, the answer is 409 with the window's end, and the request is stored and referred to the DPO. Withdrawal stops new use only. If-Match required; with an Idempotency-Key a retry answers the first answer and never refers twice.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = WithdrawalOutcome.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(
            responseCode = "409",
            description = "Outside the window (request referred to the DPO), or the record is not active")
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown party role; requestedOn in the future or before the form was signed; requestedOn before today without a reason")
    public Response withdraw(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The record's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(
                            description =
                                    "Makes a retry return the first response (200, or the 409 of a late withdrawal) instead of withdrawing or referring again")
                    @HeaderParam(IdempotentExecutor.HEADER)
                    String key,
            @NotNull @Valid WithdrawRequest request,
            UriInfo uri) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(key, "POST /api/consents/" + id + "/withdrawals", request, () -> {
            WithdrawalResult result = withdrawals.withdraw(id, expected, ConsentRequestMapper.withdraw(request));
            if (result.decision() == WithdrawalDecision.REFERRED_TO_DPO) {
                // answered, not thrown: the referral commits with the answer, and a retry replays this 409
                return problems.problem(referred(result, uri), uri);
            }
            WithdrawalOutcome outcome = ConsentRecordMapper.view(result);
            return Response.ok(outcome, MediaType.APPLICATION_JSON)
                    .tag(ETags.of(outcome.record().rowVersion()))
                    .build();
        });
    }

    private static ProblemException referred(WithdrawalResult result, UriInfo uri) {
        return ConsentErrors.WITHDRAWAL_WINDOW_CLOSED
                .problem("The withdrawal window ended on "
                        + result.referral().windowEndedOn
                        + "; the request has been stored and referred to the data protection officer")
                .with("windowEndedOn", result.referral().windowEndedOn.toString())
                .with("withdrawalRequestId", result.referral().id.toString())
                .with("requestStatus", result.referral().status.name())
                .with("requestedOn", result.referral().requestedOn.toString())
                .withHeader(
                        "Location",
                        uri.getBaseUriBuilder()
                                .path("api/consents/withdrawal-requests/{id}")
                                .build(result.referral().id)
                                .toString());
    }
}
