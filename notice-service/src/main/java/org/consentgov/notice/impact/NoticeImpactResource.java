package org.consentgov.notice.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.notice.api.NoticeViews.ChangeView;
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
 * The dry run of publishing a draft, over HTTP: {@link NoticeImpactAssessment} asks the other services and applies
 * the fallbacks; this maps its result. If either service cannot answer, the impact still comes back, with
 * {@code consents: null} or {@code agreements: null} and a note saying so.
 */
@Path("/api/notices/{slug}/versions/{number}/impact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Versioned privacy notices")
@SecurityRequirement(name = "jwt")
public class NoticeImpactResource {

    public record ConsentImpact(long active, Map<Integer, Long> byVersion) {}

    @Schema(
            name = "NoticeImpactAgreement",
            description =
                    "An agreement that links the notice, as sharing-agreement-service lists it " + "(no personal data)",
            examples = """
            {"id": "0b7e2a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d", "reference": "ISA-LBC-UOB-WIMTM",
             "title": "What It Means to Me research project: information sharing agreement", "state": "ACTIVE",
             "effectiveVersion": 1, "parties": ["luton-council", "university-of-bedfordshire"]}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinkedAgreement(
            UUID id,
            String reference,
            String title,

            @Schema(
                    description =
                            "The agreement's state as a whole (DRAFT, PENDING_SIGNATURE, ACTIVE, SUSPENDED, EXPIRED, TERMINATED)")
            String state,

            @Schema(description = "The version in force, or last in force")
            Integer effectiveVersion,

            @Schema(description = "A variation or first version being drafted or signed")
            Integer openVersion,

            @Schema(description = "The parties' organisation ids")
            List<String> parties) {}

    public record ImpactView(
            String slug,
            int version,
            Integer publishedVersion,
            boolean material,
            List<String> reasons,
            List<ChangeView> changes,
            ConsentImpact consents,

            @Schema(
                    description =
                            "The agreements whose current versions link the notice (any of its versions), by reference; "
                                    + "null with a note when sharing-agreement-service cannot answer")
            List<LinkedAgreement> agreements,

            List<String> notes) {}

    private final NoticeImpactAssessment assessment;

    public NoticeImpactResource(NoticeImpactAssessment assessment) {
        this.assessment = assessment;
    }

    @GET
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(
            operationId = "noticeVersionImpact",
            summary = "Dry run: what publishing this draft would change",
            description = "The diff against the published version, whether it is material, when material the ACTIVE "
                    + "consents pinned to older versions (from consent-service), and the agreements that link the notice (from "
                    + "sharing-agreement-service); either is null with a note if its service cannot answer.")
    @APIResponse(
            responseCode = "200",
            description = "The impact",
            content = @Content(schema = @Schema(implementation = ImpactView.class)))
    @APIResponse(responseCode = "404", description = "No such notice or version")
    @APIResponse(responseCode = "409", description = "The version is not a draft")
    public ImpactView impact(
            @Parameter(
                            description = "The notice's slug",
                            example = "what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9]+(-[a-z0-9]+)*"))
                    @PathParam("slug")
                    String slug,
            @Parameter(
                            description = "The draft version's number",
                            example = "2",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("number")
                    int number) {
        return NoticeImpactMapper.view(assessment.assess(slug, number));
    }
}
