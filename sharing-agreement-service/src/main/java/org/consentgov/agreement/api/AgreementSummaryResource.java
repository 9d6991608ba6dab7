package org.consentgov.agreement.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.consentgov.agreement.api.AgreementOverviewViews.AgreementOverviewView;
import org.consentgov.agreement.domain.AgreementDeadlines;
import org.consentgov.agreement.domain.AgreementOverviews;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The DPO dashboard's view of agreements: counts by state and the dates coming up. The roles and organisation scope
 * of {@code GET /api/agreements}: every realm role, partners and researchers only their own organisation's.
 */
@Path("/api/agreements/summary")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Information-sharing agreements, their versions, signatures and lifecycle")
@SecurityRequirement(name = "jwt")
public class AgreementSummaryResource {

    /**
     * 1 to {@link AgreementDeadlines#MAX_DAYS}, as text: an int parameter that is no number would be JAX-RS's 404,
     * not the 400 problem every other bad value gets.
     */
    static final String DAYS = "[1-9]|[1-9][0-9]|[12][0-9][0-9]|3[0-5][0-9]|36[0-6]";

    private final AgreementOverviews overviews;

    public AgreementSummaryResource(AgreementOverviews overviews) {
        this.overviews = overviews;
    }

    @GET
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "summariseAgreements",
            summary = "Agreements by state, and reviews, access windows and end dates coming up",
            description =
                    "Counts by state (every state an agreement takes, zeros included) and the dates of the agreements in force within the next days days, sorted by date: REVIEW_DUE (an overdue review too, with a negative daysFromNow), ACCESS_WINDOW_ENDS, EXPIRES (the last day in force). Days count from today in Europe/London. Partners and researchers see only their own organisation's agreements. Counts and agreement dates only, no personal data, so no subject access-log row is written.")
    @APIResponse(
            responseCode = "200",
            description = "The counts and dates",
            content = @Content(schema = @Schema(implementation = AgreementOverviewView.class)))
    @APIResponse(responseCode = "400", description = "days is not a whole number from 1 to 366")
    @APIResponse(
            responseCode = "403",
            description = "No realm role, or a partner or researcher token without an organisation")
    public AgreementOverviewView summary(
            @Parameter(
                            description = "How many days ahead to look, from 1 to 366",
                            example = "90",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "366",
                                            defaultValue = "90"))
                    @QueryParam("days")
                    @DefaultValue("90")
                    @Pattern(regexp = DAYS, message = "a whole number of days from 1 to 366")
                    String days) {
        return AgreementOverviewMapper.view(overviews.overview(Integer.parseInt(days)));
    }
}
