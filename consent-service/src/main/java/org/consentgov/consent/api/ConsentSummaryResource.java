package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.consentgov.consent.api.ConsentSummaryViews.ConsentSummaryView;
import org.consentgov.consent.domain.ConsentSummaries;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The DPO dashboard's counts of consent-service. The roles of {@code GET /api/consents}, which is not scoped by
 * organisation either (none of its roles is). Counts only, so no subject access-log row is written.
 */
@Path("/api/consents/summary")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentSummaryResource {

    private final ConsentSummaries summaries;

    public ConsentSummaryResource(ConsentSummaries summaries) {
        this.summaries = summaries;
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "summariseConsents",
            summary = "Counts of consents and late withdrawals for a dashboard",
            description =
                    "Records by state (every state, zeros included) and by notice slug and version, the ACTIVE records flagged for re-consent by a material notice change, and late withdrawal requests by status (REFERRED: awaiting the DPO). Counts only, no personal data, so no subject access-log row is written. Same roles as GET /api/consents.")
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(schema = @Schema(implementation = ConsentSummaryView.class)))
    @APIResponse(responseCode = "403", description = "A role without access to consent records")
    public ConsentSummaryView summary() {
        return ConsentSummaryMapper.view(summaries.summary());
    }
}
