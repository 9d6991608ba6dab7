package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.consentgov.consent.api.ConsentViews.CheckView;
import org.consentgov.consent.domain.ConsentCheckService;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The check API: is there an effective consent for a subject, notice and purpose at a time? */
@Path("/api/consents/check")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentCheckResource {

    private final ConsentCheckService checks;

    public ConsentCheckResource(ConsentCheckService checks) {
        this.checks = checks;
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR, Roles.RESEARCHER})
    @Operation(
            operationId = "checkConsent",
            summary = "Is there an effective consent?",
            description =
                    "For subject S (system:value or internal id), notice N and purpose P at valid time T (default now), as recorded at knownAt (default now): yes or no, the reasons, and the record (with its history length as known) and notice version relied on. Researchers only for the notices of their organisation's agreements.")
    @APIResponse(
            responseCode = "200",
            description = "The answer",
            content = @Content(schema = @Schema(implementation = CheckView.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter, or knownAt in the future")
    @APIResponse(responseCode = "404", description = "A researcher asked about a notice outside their agreements")
    public CheckView check(
            @Parameter(
                            description = "system:value, e.g. nhs-number:9434765919, or the subject's id",
                            required = true,
                            example = "nhs-number:9990000018",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 105))
                    @QueryParam("subject")
                    @NotBlank
                    String subject,
            @Parameter(
                            description = "Notice slug",
                            required = true,
                            example = "what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9]+(-[a-z0-9]+)*"))
                    @QueryParam("notice")
                    @NotBlank
                    String notice,
            @Parameter(
                            description = "Purpose code",
                            required = true,
                            example = "research-what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9][a-z0-9.-]{0,79}"))
                    @QueryParam("purpose")
                    @NotBlank
                    String purpose,
            @Parameter(
                            description =
                                    "Valid time: the instant the consent must have been in force at (ISO 8601); default now")
                    @QueryParam("at")
                    Instant at,
            @Parameter(
                            description =
                                    "Recorded time: answer with what the service had recorded at that instant (ISO 8601, not in the future); default now. Records recorded later do not exist for the answer; withdrawals, expiries and invalidations recorded later have not happened")
                    @QueryParam("knownAt")
                    Instant knownAt) {
        return ConsentRecordMapper.view(checks.check(subject, notice, purpose, at, knownAt));
    }
}
