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
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.InvalidateRequest;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.domain.ConsentInvalidation;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invalidating a record recorded in error (DPO only). */
@Path("/api/consents/{id}/invalidate")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentInvalidationResource {

    private final ConsentInvalidation invalidation;
    private final IdempotentExecutor idempotency;

    public ConsentInvalidationResource(ConsentInvalidation invalidation, IdempotentExecutor idempotency) {
        this.invalidation = invalidation;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "invalidateConsent",
            summary = "Invalidate a record recorded in error",
            description =
                    "The record then never counts, not even for past dates. If-Match required; an Idempotency-Key makes a retry answer the first answer.")
    @APIResponse(
            responseCode = "200",
            description = "Invalidated",
            content = @Content(schema = @Schema(implementation = ConsentRecordView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "Already invalidated")
    public Response invalidate(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The record's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid InvalidateRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/consents/" + id + "/invalidate",
                request,
                () -> ok(ConsentRecordMapper.view(invalidation.invalidate(id, expected, request.reason()))));
    }

    private static Response ok(ConsentRecordView view) {
        return Response.ok(view, MediaType.APPLICATION_JSON)
                .tag(ETags.of(view.rowVersion()))
                .build();
    }
}
