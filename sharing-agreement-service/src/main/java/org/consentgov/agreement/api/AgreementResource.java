package org.consentgov.agreement.api;

import static org.consentgov.agreement.api.AgreementResponses.ok;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.api.AgreementViews.AgreementSummaryView;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.EventView;
import org.consentgov.agreement.api.AgreementViews.HistoryEntryView;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.AgreementQueries;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.agreement.persistence.AgreementFilter;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
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
 * Reading information-sharing agreements, their versions, history and events: every role, partners and
 * researchers only their own organisation's. HTTP only; the other agreement resources share its path.
 */
@Path("/api/agreements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Information-sharing agreements, their versions, signatures and lifecycle")
@SecurityRequirement(name = "jwt")
public class AgreementResource {

    private final AgreementQueries queries;
    private final AgreementMapper mapper;

    public AgreementResource(AgreementQueries queries, AgreementMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GET
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "listAgreements",
            summary = "List agreements",
            description =
                    "By reference. Partners and researchers see only the agreements their organisation is party to. With linkedNotice, the agreements that tell families about the sharing through that notice (what a change of the notice affects). With reviewRequired=true, the agreements a material change of a linked notice flagged for review.")
    @APIResponse(responseCode = "200", description = "A page of agreements")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public PageView<AgreementSummaryView> list(
            @Parameter(description = "State of the agreement as a whole") @QueryParam("state") AgreementState state,
            @Parameter(
                            description = "An organisation that is party (its id)",
                            example = "university-of-bedfordshire",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = AgreementContent.SLUG))
                    @QueryParam("organisation")
                    @Size(max = 80)
                    @Pattern(
                            regexp = AgreementContent.SLUG,
                            message = "an organisation id: lower-case words joined by hyphens")
                    String organisation,
            @Parameter(
                            description = "Reference, any case",
                            example = "ISA-LBC-UOB-WIMTM",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = AgreementViews.REFERENCE))
                    @QueryParam("reference")
                    @Size(max = 80)
                    @Pattern(regexp = AgreementViews.REFERENCE, message = "2 to 80 letters, digits and . _ / -")
                    String reference,
            @Parameter(
                            description =
                                    "The slug of a notice that a current version links (the version in force or last in force, else the latest, or the variation being drafted or signed)",
                            example = "what-it-means-to-me",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = AgreementContent.SLUG))
                    @QueryParam("linkedNotice")
                    @Size(max = 80)
                    @Pattern(
                            regexp = AgreementContent.SLUG,
                            message = "a notice slug: lower-case words joined by hyphens")
                    String linkedNotice,
            @Parameter(
                            description =
                                    "true: the DPO's review list, the agreements a material change of a linked notice flagged for review since their last review; false: the others")
                    @QueryParam("reviewRequired")
                    Boolean reviewRequired,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return queries.list(
                        new AgreementFilter(state, organisation, reference, linkedNotice, reviewRequired), page, size)
                .map(mapper::summary);
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "getAgreement",
            summary = "Read an agreement",
            description =
                    "With the version in force (or last in force, or the latest). The ETag is the concurrency token for every change.")
    @APIResponse(
            responseCode = "200",
            description = "The agreement",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No such agreement, or not yours")
    public Response get(@PathParam("id") UUID id) {
        return ok(mapper.view(queries.get(id)));
    }

    @GET
    @Path("{id}/versions/{number}")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "getAgreementVersion",
            summary = "Read one version",
            description = "Old versions stay readable.")
    @APIResponse(
            responseCode = "200",
            description = "The agreement with that version",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No such agreement or version, or not yours")
    public Response version(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Version number, from 1",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("number")
                    @Min(1)
                    int number) {
        return ok(mapper.view(queries.version(id, number)));
    }

    @GET
    @Path("{id}/history")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "getAgreementHistory",
            summary = "An agreement's history",
            description = "Every change and signature of every version, append-only, oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "No such agreement, or not yours")
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return queries.history(id).stream().map(mapper::history).toList();
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "listAgreementEvents",
            summary = "An agreement's events",
            description =
                    "The domain events raised for it (agreement.activated, agreement.review-due, disclosure.recorded…), oldest first, as they will be delivered to subscribers.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "404", description = "No such agreement")
    public PageView<EventView> events(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return queries.events(id, page, size).map(mapper::event);
    }
}
