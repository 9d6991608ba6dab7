package org.consentgov.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentQueries;
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
 * Counts for notice-service's dry run of a notice change: how many ACTIVE consents are pinned to versions older
 * than a given one. Counts only, no records or subjects. Roles: {@code dpo}, and {@code integration} (notice-service
 * asks with its own client-credentials token); a notice editor sees the number through notice-service's impact.
 */
@Path("/api/consents/pinned")
@Tag(name = "Consents", description = "Consent records")
@SecurityRequirement(name = "jwt")
public class PinnedConsentResource {

    @Schema(
            name = "PinnedConsentCounts",
            description = "ACTIVE consents pinned to versions older than beforeVersion, by version",
            examples = """
            {"notice": "what-it-means-to-me", "beforeVersion": 2, "active": 5, "byVersion": {"1": 5}}""")
    public record PinnedView(String notice, int beforeVersion, long active, Map<Integer, Long> byVersion) {}

    private final ConsentQueries consents;

    public PinnedConsentResource(ConsentQueries consents) {
        this.consents = consents;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "countPinnedConsents",
            summary = "How many ACTIVE consents are pinned to older versions of a notice",
            description = "For notice-service's dry run of a notice change: counts only, no records or subjects.")
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(schema = @Schema(implementation = PinnedView.class)))
    @APIResponse(responseCode = "400", description = "notice or beforeVersion missing")
    public PinnedView pinned(
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
                    String notice,
            @Parameter(
                            description = "Count the consents pinned to versions below this one",
                            required = true,
                            example = "2",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @QueryParam("beforeVersion")
                    Integer beforeVersion) {
        if (notice == null || notice.isBlank()) {
            throw ConsentErrors.INVALID_PARAMETER.problem("notice is required", "notice");
        }
        if (beforeVersion == null || beforeVersion < 1) {
            throw ConsentErrors.INVALID_PARAMETER.problem("beforeVersion must be a positive version", "beforeVersion");
        }
        Map<Integer, Long> byVersion = consents.activePinnedCounts(notice, beforeVersion);
        return new PinnedView(
                notice,
                beforeVersion,
                byVersion.values().stream().mapToLong(Long::longValue).sum(),
                byVersion);
    }
}
