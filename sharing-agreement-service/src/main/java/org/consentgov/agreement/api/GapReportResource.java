package org.consentgov.agreement.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.consentgov.agreement.api.GapReportViews.GapReportView;
import org.consentgov.agreement.domain.GapReportService;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The governance gap report for the DPO and auditors. HTTP only. */
@Path("/api/agreements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Information-sharing agreements, their versions, signatures and lifecycle")
@SecurityRequirement(name = "jwt")
public class GapReportResource {

    static final String CSV = "text/csv";

    private final GapReportService gapReports;

    public GapReportResource(GapReportService gapReports) {
        this.gapReports = gapReports;
    }

    @GET
    @Path("gap-report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getGapReport",
            summary = "Governance gap report",
            description =
                    "Every recipient named in the notices notice-service publishes now without an ACTIVE agreement that has it as a party and links that notice. JSON, or CSV with Accept: text/csv.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = GapReportView.class)),
                @Content(mediaType = CSV)
            })
    @APIResponse(responseCode = "503", description = "notice-service cannot answer; see Retry-After")
    public Response gapReport(HttpHeaders headers) {
        GapReportView report = GapReportMapper.view(gapReports.report());
        if (headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.toString().startsWith(CSV))) {
            return Response.ok(GapReportMapper.csv(report), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"gap-report.csv\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
