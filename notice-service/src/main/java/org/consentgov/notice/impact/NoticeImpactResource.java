package org.consentgov.notice.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The dry run of publishing a draft: its structured diff against the published version, whether it is material,
 * when it is, how many ACTIVE consents are pinned to older versions (asked of consent-service), and the agreements
 * that link the notice (asked of sharing-agreement-service), both with notice-service's own token. If either cannot
 * answer, the impact still comes back, with {@code consents: null} or {@code agreements: null} and a note saying so.
 */
@Path("/api/notices/{slug}/versions/{number}/impact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Versioned privacy notices")
@SecurityRequirement(name = "jwt")
public class NoticeImpactResource {

    static final String AGREEMENTS_NOTE =
            "sharing-agreement-service did not answer: the agreements linking the notice " + "are not listed";
    /** Pages of agreements read at most; a notice linked by more agreements than that gets a note. */
    static final int AGREEMENT_PAGES = 5;

    static final int AGREEMENT_PAGE_SIZE = 100;
    private static final Logger LOG = Logger.getLogger(NoticeImpactResource.class);

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

    private final NoticeService notices;
    private final ConsentCountClient consents;
    private final AgreementListClient agreements;

    public NoticeImpactResource(
            NoticeService notices,
            @RestClient ConsentCountClient consents,
            @RestClient AgreementListClient agreements) {
        this.notices = notices;
        this.consents = consents;
        this.agreements = agreements;
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
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller's role may not do this",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        NoticeVersionView draft = notices.version(slug, number);
        if (draft.state() != VersionState.DRAFT) {
            throw ProblemException.conflict(
                    "not-a-draft",
                    "Version " + number + " of '" + slug + "' is " + draft.state()
                            + ": only a draft has an impact to preview");
        }
        Integer published = notices.get(slug).versions().stream()
                .filter(v -> v.state() == VersionState.PUBLISHED)
                .map(VersionSummaryView::number)
                .findFirst()
                .orElse(null);
        List<String> notes = new ArrayList<>();
        if (published == null) {
            notes.add("no published version: nothing to compare with, no consent can be pinned to an older version");
            List<LinkedAgreement> linking = linkedAgreements(slug, number, notes);
            return new ImpactView(slug, number, null, false, List.of(), List.of(), null, linking, List.copyOf(notes));
        }
        NoticeDiffView diff = notices.diff(slug, published, number);
        ConsentImpact consentImpact = null;
        if (diff.material()) {
            try {
                JsonNode answer = consents.pinned(slug, number);
                Map<Integer, Long> byVersion = new TreeMap<>();
                answer.path("byVersion")
                        .fields()
                        .forEachRemaining(e -> byVersion.put(
                                Integer.parseInt(e.getKey()), e.getValue().asLong()));
                consentImpact = new ConsentImpact(answer.path("active").asLong(), byVersion);
            } catch (RuntimeException e) {
                LOG.warnf("impact of %s v%d: consent-service did not answer (%s)", slug, number, e.toString());
                notes.add("consent-service did not answer: the consents pinned to older versions are not counted");
            }
        } else {
            notes.add("not material: publishing it flags no consent for re-consent");
        }
        List<LinkedAgreement> linking = linkedAgreements(slug, number, notes);
        return new ImpactView(
                slug,
                number,
                published,
                diff.material(),
                diff.reasons(),
                diff.changes(),
                consentImpact,
                linking,
                List.copyOf(notes));
    }

    /** Every agreement linking the notice, page by page; null (and a note) when sharing-agreement-service cannot answer. */
    private List<LinkedAgreement> linkedAgreements(String slug, int number, List<String> notes) {
        List<LinkedAgreement> found = new ArrayList<>();
        try {
            for (int page = 0; page < AGREEMENT_PAGES; page++) {
                JsonNode answer = agreements.linking(slug, page, AGREEMENT_PAGE_SIZE);
                JsonNode items = answer.path("items");
                if (!items.isArray()) {
                    throw new IllegalStateException("no items in sharing-agreement-service's answer");
                }
                items.forEach(item -> found.add(linkedAgreement(item)));
                long total = answer.path("totalItems").asLong(found.size());
                if (items.isEmpty() || found.size() >= total) {
                    return List.copyOf(found);
                }
            }
            notes.add("more than " + AGREEMENT_PAGES * AGREEMENT_PAGE_SIZE
                    + " agreements link the notice: only the first " + found.size() + " are listed");
            return List.copyOf(found);
        } catch (RuntimeException e) {
            LOG.warnf("impact of %s v%d: sharing-agreement-service did not answer (%s)", slug, number, e.toString());
            notes.add(AGREEMENTS_NOTE);
            return null;
        }
    }

    private static LinkedAgreement linkedAgreement(JsonNode item) {
        List<String> parties = new ArrayList<>();
        item.path("parties").forEach(p -> parties.add(p.asText()));
        return new LinkedAgreement(
                UUID.fromString(item.path("id").asText()),
                text(item, "reference"),
                text(item, "title"),
                text(item, "state"),
                integer(item, "effectiveVersion"),
                integer(item, "openVersion"),
                List.copyOf(parties));
    }

    private static String text(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asText() : null;
    }

    private static Integer integer(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asInt() : null;
    }
}
