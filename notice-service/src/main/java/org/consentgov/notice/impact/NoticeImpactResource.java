package org.consentgov.notice.impact;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.consentgov.notice.api.NoticeViews.ChangeView;
import org.consentgov.notice.api.NoticeViews.NoticeDiffView;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.api.NoticeViews.VersionSummaryView;
import org.consentgov.notice.domain.NoticeService;
import org.consentgov.notice.domain.VersionState;
import org.consentgov.platform.problem.Problem;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The dry run of publishing a draft: its structured diff against the published version, whether it is material,
 * and, when it is, how many ACTIVE consents are pinned to older versions (asked of consent-service with
 * notice-service's own token). If consent-service cannot answer, the impact still comes back, with
 * {@code consents: null} and a note. Agreements linking the notice are not listed yet: sharing-agreement-service
 * offers no filter by linked notice ({@code agreements: null} and a note).
 */
@Path("/api/notices/{slug}/versions/{number}/impact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Versioned privacy notices")
@SecurityRequirement(name = "jwt")
public class NoticeImpactResource {

    static final String AGREEMENTS_NOTE = "agreements linking the notice are not listed: sharing-agreement-service "
            + "offers no filter by linked notice yet";
    private static final Logger LOG = Logger.getLogger(NoticeImpactResource.class);

    public record ConsentImpact(long active, Map<Integer, Long> byVersion) {
    }

    public record ImpactView(String slug, int version, Integer publishedVersion, boolean material, List<String> reasons,
            List<ChangeView> changes, ConsentImpact consents, List<Object> agreements, List<String> notes) {
    }

    private final NoticeService notices;
    private final ConsentCountClient consents;

    public NoticeImpactResource(NoticeService notices, @RestClient ConsentCountClient consents) {
        this.notices = notices;
        this.consents = consents;
    }

    @GET
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(operationId = "noticeVersionImpact", summary = "Dry run: what publishing this draft would change",
            description = "The diff against the published version, whether it is material, and when material the ACTIVE "
                    + "consents pinned to older versions (from consent-service; null with a note if it cannot answer).")
    @APIResponse(responseCode = "200", description = "The impact", content = @Content(schema = @Schema(implementation = ImpactView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller's role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such notice or version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImpactView impact(
            @Parameter(description = "The notice's slug", example = "what-it-means-to-me", schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = "[a-z0-9]+(-[a-z0-9]+)*")) @PathParam("slug") String slug,
            @Parameter(description = "The draft version's number", example = "2", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1")) @PathParam("number") int number) {
        NoticeVersionView draft = notices.version(slug, number);
        if (draft.state() != VersionState.DRAFT) {
            throw ProblemException.conflict("not-a-draft", "Version " + number + " of '" + slug + "' is " + draft.state()
                    + ": only a draft has an impact to preview");
        }
        Integer published = notices.get(slug).versions().stream().filter(v -> v.state() == VersionState.PUBLISHED)
                .map(VersionSummaryView::number).findFirst().orElse(null);
        List<String> notes = new java.util.ArrayList<>();
        if (published == null) {
            notes.add("no published version: nothing to compare with, no consent can be pinned to an older version");
            return new ImpactView(slug, number, null, false, List.of(), List.of(), null, null, List.copyOf(notes));
        }
        NoticeDiffView diff = notices.diff(slug, published, number);
        ConsentImpact consentImpact = null;
        if (diff.material()) {
            try {
                JsonNode answer = consents.pinned(slug, number);
                Map<Integer, Long> byVersion = new TreeMap<>();
                answer.path("byVersion").fields().forEachRemaining(e -> byVersion.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
                consentImpact = new ConsentImpact(answer.path("active").asLong(), byVersion);
            } catch (RuntimeException e) {
                LOG.warnf("impact of %s v%d: consent-service did not answer (%s)", slug, number, e.toString());
                notes.add("consent-service did not answer: the consents pinned to older versions are not counted");
            }
            notes.add(AGREEMENTS_NOTE);
        } else {
            notes.add("not material: publishing it flags no consent for re-consent");
        }
        return new ImpactView(slug, number, published, diff.material(), diff.reasons(), diff.changes(), consentImpact, null,
                List.copyOf(notes));
    }
}
