package org.consentgov.notice.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.consentgov.notice.api.NoticeViews.ChecksView;
import org.consentgov.notice.api.NoticeViews.CreateNoticeRequest;
import org.consentgov.notice.api.NoticeViews.DraftRequest;
import org.consentgov.notice.api.NoticeViews.NewVersionRequest;
import org.consentgov.notice.api.NoticeViews.NoticeDiffView;
import org.consentgov.notice.api.NoticeViews.NoticeSummaryView;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.api.NoticeViews.NoticeView;
import org.consentgov.notice.api.NoticeViews.PublishRequest;
import org.consentgov.notice.api.NoticeViews.RetireRequest;
import org.consentgov.notice.api.NoticeViews.VersionSummaryView;
import org.consentgov.notice.domain.NoticeService;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
import org.consentgov.platform.problem.Problem;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notices and their versions, for editors, the DPO and every authenticated reader. HTTP only. */
@Path("/api/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Versioned privacy notices")
@SecurityRequirement(name = "jwt")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "429",
        description = "Too many requests from this client (the gateway's rate limit)",
        headers =
                @Header(
                        name = "Retry-After",
                        description = "Seconds to wait before trying again",
                        schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1")),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "500",
        description = "Unexpected error; quote the problem's requestId when reporting it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NoticeResource {

    static final String[] READERS = {
        Roles.DPO,
        Roles.NOTICE_EDITOR,
        Roles.CASEWORKER,
        Roles.RESEARCHER,
        Roles.PARTNER,
        Roles.INTEGRATION,
        Roles.AUDITOR
    };

    private final NoticeService service;
    private final IdempotentExecutor idempotency;

    public NoticeResource(NoticeService service, IdempotentExecutor idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({
        Roles.DPO,
        Roles.NOTICE_EDITOR,
        Roles.CASEWORKER,
        Roles.RESEARCHER,
        Roles.PARTNER,
        Roles.INTEGRATION,
        Roles.AUDITOR
    })
    @Operation(
            operationId = "listNotices",
            summary = "List notices",
            description = "Each notice with its published, draft and latest version numbers, by slug.")
    @APIResponse(responseCode = "200", description = "A page of notices")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<NoticeSummaryView> list(
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return service.list(page, size);
    }

    @POST
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(
            operationId = "createNotice",
            summary = "Create a notice",
            description = "Creates the notice and its first version as a draft.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again",
            example = "6f1c2b9e-0d4a-4c1e-9b7f-5a3e2d1c0b9a",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255, pattern = "[\\x21-\\x7E]{1,255}"))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the draft version",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The slug is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown vocabulary code, or Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid CreateNoticeRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/notices", request, () -> {
            NoticeVersionView created = service.create(request.slug(), request.content());
            return versionResponse(Response.created(versionUri(uri, created)), created);
        });
    }

    @GET
    @Path("{slug}")
    @RolesAllowed({
        Roles.DPO,
        Roles.NOTICE_EDITOR,
        Roles.CASEWORKER,
        Roles.RESEARCHER,
        Roles.PARTNER,
        Roles.INTEGRATION,
        Roles.AUDITOR
    })
    @Operation(
            operationId = "getNotice",
            summary = "Read a notice and its versions",
            description = "The notice's slug, who created it and when, and a summary of each version, oldest first.")
    @APIResponse(responseCode = "200", description = "The notice")
    @APIResponse(
            responseCode = "404",
            description = "No such notice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        return service.get(slug);
    }

    @GET
    @Path("{slug}/versions")
    @RolesAllowed({
        Roles.DPO,
        Roles.NOTICE_EDITOR,
        Roles.CASEWORKER,
        Roles.RESEARCHER,
        Roles.PARTNER,
        Roles.INTEGRATION,
        Roles.AUDITOR
    })
    @Operation(
            operationId = "listNoticeVersions",
            summary = "List a notice's versions",
            description = "Each version's number, state, title and content hash, oldest first.")
    @APIResponse(responseCode = "200", description = "A page of versions, oldest first")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        return service.versions(slug, page, size);
    }

    @POST
    @Path("{slug}/versions")
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(
            operationId = "createNoticeVersion",
            summary = "Start a new draft version",
            description = "With no content, the draft starts as a copy of the latest version.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again",
            example = "6f1c2b9e-0d4a-4c1e-9b7f-5a3e2d1c0b9a",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255, pattern = "[\\x21-\\x7E]{1,255}"))
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "A draft already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown vocabulary code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response newVersion(
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
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Valid NewVersionRequest request,
            UriInfo uri) {
        NewVersionRequest body = request == null ? new NewVersionRequest(null) : request;
        return idempotency.execute(key, "POST /api/notices/" + slug + "/versions", body, () -> {
            NoticeVersionView created = service.newDraft(slug, body.content());
            return versionResponse(Response.created(versionUri(uri, created)), created);
        });
    }

    @GET
    @Path("{slug}/versions/{number}")
    @RolesAllowed({
        Roles.DPO,
        Roles.NOTICE_EDITOR,
        Roles.CASEWORKER,
        Roles.RESEARCHER,
        Roles.PARTNER,
        Roles.INTEGRATION,
        Roles.AUDITOR
    })
    @Operation(
            operationId = "getNoticeVersion",
            summary = "Read one version",
            description = "The ETag header is the version's concurrency token for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        return versionResponse(Response.ok(), service.version(slug, number));
    }

    @PUT
    @Path("{slug}/versions/{number}")
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(
            operationId = "updateNoticeDraft",
            summary = "Replace a draft's content",
            description = "Only drafts can change. Send the ETag you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The updated draft",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown vocabulary code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(
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
                    int number,
            @Parameter(
                            description =
                                    "The version's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid DraftRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return versionResponse(Response.ok(), service.updateDraft(slug, number, expected, request.content()));
    }

    @GET
    @Path("{slug}/versions/{number}/checks")
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(
            operationId = "checkNoticeVersion",
            summary = "Check a version against the publication rules",
            description =
                    "Lists every rule the version breaks now, so an editor can fix a draft before the DPO publishes it.")
    @APIResponse(responseCode = "200", description = "The rules broken, if any")
    @APIResponse(
            responseCode = "404",
            description = "No such notice or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChecksView checks(
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
        return service.checks(slug, number);
    }

    @POST
    @Path("{slug}/versions/{number}/publish")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "publishNoticeVersion",
            summary = "Publish a draft",
            description =
                    "Checks every rule, fixes the content's SHA-256, supersedes the previous published version and records whether the change is material.")
    @RequestBody(required = false, description = "Optional: when the version takes effect")
    @APIResponse(
            responseCode = "200",
            description = "The published version",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A rule is broken; the problem names the rule and the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(
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
                    int number,
            @Parameter(
                            description =
                                    "The version's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Valid PublishRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return versionResponse(
                Response.ok(),
                service.publish(slug, number, expected, request == null ? null : request.effectiveFrom()));
    }

    @POST
    @Path("{slug}/versions/{number}/retire")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "retireNoticeVersion",
            summary = "Retire the published version",
            description = "The notice then has no current version; the retired one stays readable.")
    @APIResponse(
            responseCode = "200",
            description = "The retired version",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Reason missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is not the published one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retire(
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
                    int number,
            @Parameter(
                            description =
                                    "The version's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid RetireRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return versionResponse(Response.ok(), service.retire(slug, number, expected, request.reason()));
    }

    @GET
    @Path("{slug}/diff")
    @RolesAllowed({
        Roles.DPO,
        Roles.NOTICE_EDITOR,
        Roles.CASEWORKER,
        Roles.RESEARCHER,
        Roles.PARTNER,
        Roles.INTEGRATION,
        Roles.AUDITOR
    })
    @Operation(
            operationId = "diffNoticeVersions",
            summary = "Compare two versions",
            description =
                    "A structured diff, and whether the change is material (adds a purpose, data category or recipient, or changes a lawful basis or consent term).")
    @APIResponse(responseCode = "200", description = "The differences")
    @APIResponse(
            responseCode = "400",
            description = "from or to missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notice or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        return service.diff(slug, from, to);
    }

    private static URI versionUri(UriInfo uri, NoticeVersionView version) {
        return uri.getBaseUriBuilder()
                .path("api/notices/{slug}/versions/{number}")
                .build(version.slug(), version.number());
    }

    private static Response versionResponse(Response.ResponseBuilder builder, NoticeVersionView version) {
        return builder.entity(version)
                .tag(ETags.of(version.rowVersion()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
