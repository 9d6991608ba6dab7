package org.consentgov.notice.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.consentgov.notice.api.NoticeViews.CreateNoticeRequest;
import org.consentgov.notice.api.NoticeViews.DraftRequest;
import org.consentgov.notice.api.NoticeViews.NewVersionRequest;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.domain.NoticeDrafting;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Creating notices and writing their drafts, for editors and the DPO. HTTP only. */
@Path("/api/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Versioned privacy notices")
@SecurityRequirement(name = "jwt")
public class NoticeDraftResource {

    private final NoticeDrafting drafting;
    private final IdempotentExecutor idempotency;

    public NoticeDraftResource(NoticeDrafting drafting, IdempotentExecutor idempotency) {
        this.drafting = drafting;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(
            operationId = "createNotice",
            summary = "Create a notice",
            description = "Creates the notice and its first version as a draft.")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the draft version",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid body")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(
            responseCode = "422",
            description = "Unknown vocabulary code, or Idempotency-Key reused for another request")
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid CreateNoticeRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/notices", request, () -> {
            return VersionResponses.created(uri, drafting.create(request.slug(), request.content()));
        });
    }

    @POST
    @Path("{slug}/versions")
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
    @Operation(
            operationId = "createNoticeVersion",
            summary = "Start a new draft version",
            description = "With no content, the draft starts as a copy of the latest version.")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(schema = @Schema(implementation = NoticeVersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such notice")
    @APIResponse(responseCode = "409", description = "A draft already exists")
    @APIResponse(responseCode = "422", description = "Unknown vocabulary code")
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
            return VersionResponses.created(uri, drafting.newDraft(slug, body.content()));
        });
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
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such notice or version")
    @APIResponse(responseCode = "409", description = "The version is not a draft")
    @APIResponse(responseCode = "422", description = "Unknown vocabulary code")
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
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid DraftRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return VersionResponses.ok(drafting.updateDraft(slug, number, expected, request.content()));
    }
}
