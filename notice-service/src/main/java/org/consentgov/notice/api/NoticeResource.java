package org.consentgov.notice.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.consentgov.notice.api.NoticeViews.NoticeDiffView;
import org.consentgov.notice.api.NoticeViews.NoticeSummaryView;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.api.NoticeViews.NoticeView;
import org.consentgov.notice.api.NoticeViews.VersionSummaryView;
import org.consentgov.notice.domain.NoticeQueries;
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

/** Reading notices and their versions, and comparing two versions, for every authenticated reader. HTTP only. */
@Path("/api/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Versioned privacy notices")
@SecurityRequirement(name = "jwt")
public class NoticeResource {

    private final NoticeQueries queries;

    public NoticeResource(NoticeQueries queries) {
        this.queries = queries;
    }

    @GET
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "listNotices",
            summary = "List notices",
            description = "Each notice with its published, draft and latest version numbers, by slug.")
    @APIResponse(responseCode = "200", description = "A page of notices")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public PageView<NoticeSummaryView> list(
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return NoticeMapper.summaries(queries.list(page, size));
    }

    @GET
    @Path("{slug}")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "getNotice",
            summary = "Read a notice and its versions",
            description = "The notice's slug, who created it and when, and a summary of each version, oldest first.")
    @APIResponse(responseCode = "200", description = "The notice")
    @APIResponse(responseCode = "404", description = "No such notice")
    public NoticeView get(
            @Parameter(
                            description = "The notice's slug",
                            example = "what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9]+(-[a-z0-9]+)*"))
                    @PathParam("slug")
                    String slug) {
        return NoticeMapper.notice(queries.get(slug));
    }

    @GET
    @Path("{slug}/versions")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "listNoticeVersions",
            summary = "List a notice's versions",
            description = "Each version's number, state, title and content hash, oldest first.")
    @APIResponse(responseCode = "200", description = "A page of versions, oldest first")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "404", description = "No such notice")
    public PageView<VersionSummaryView> versions(
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
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return NoticeMapper.versionSummaries(queries.versions(slug, page, size));
    }

    @GET
    @Path("{slug}/versions/{number}")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "getNoticeVersion",
            summary = "Read one version",
            description = "The ETag header is the version's concurrency token for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(responseCode = "404", description = "No such notice or version")
    public Response version(
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
                            description = "Version number, from 1",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("number")
                    int number) {
        return VersionResponses.ok(queries.version(slug, number));
    }

    @GET
    @Path("{slug}/diff")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "diffNoticeVersions",
            summary = "Compare two versions",
            description =
                    "A structured diff, and whether the change is material (adds a purpose, data category or recipient, or changes a lawful basis or consent term).")
    @APIResponse(responseCode = "200", description = "The differences")
    @APIResponse(responseCode = "400", description = "from or to missing")
    @APIResponse(responseCode = "404", description = "No such notice or version")
    public NoticeDiffView diff(
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
            @Parameter(description = "The older version number", required = true, example = "1")
                    @QueryParam("from")
                    @NotNull
                    @Min(1)
                    Integer from,
            @Parameter(description = "The newer version number", required = true, example = "2")
                    @QueryParam("to")
                    @NotNull
                    @Min(1)
                    Integer to) {
        return NoticeMapper.diff(queries.diff(slug, from, to));
    }
}
