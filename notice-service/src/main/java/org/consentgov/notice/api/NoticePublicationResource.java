package org.consentgov.notice.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.consentgov.notice.api.NoticeViews.ChecksView;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.api.NoticeViews.PublishRequest;
import org.consentgov.notice.api.NoticeViews.RetireRequest;
import org.consentgov.notice.domain.NoticePublication;
import org.consentgov.notice.domain.NoticeRetirement;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checking, publishing and retiring notice versions: editors check, the DPO publishes and retires. HTTP only. */
@Path("/api/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Versioned privacy notices")
@SecurityRequirement(name = "jwt")
public class NoticePublicationResource {

    private final NoticePublication publication;
    private final NoticeRetirement retirement;
    private final IdempotentExecutor idempotency;

    public NoticePublicationResource(
            NoticePublication publication, NoticeRetirement retirement, IdempotentExecutor idempotency) {
        this.publication = publication;
        this.retirement = retirement;
        this.idempotency = idempotency;
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
    @APIResponse(responseCode = "404", description = "No such notice or version")
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
        return NoticeMapper.checks(publication.checks(slug, number));
    }

    @POST
    @Path("{slug}/versions/{number}/publish")
    @RolesAllowed({Roles.NOTICE_EDITOR, Roles.DPO})
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
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "404", description = "No such notice or version")
    @APIResponse(responseCode = "409", description = "The version is not a draft")
    @APIResponse(responseCode = "422", description = "A rule is broken; the problem names the rule and the field")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    public Response publish(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
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
            @Valid PublishRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/notices/" + slug + "/versions/" + number + "/publish",
                Arrays.asList(ifMatch, request),
                () -> VersionResponses.ok(
                        publication.publish(slug, number, expected, request == null ? null : request.effectiveFrom())));
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
    @APIResponse(responseCode = "400", description = "Reason missing")
    @APIResponse(responseCode = "404", description = "No such notice or version")
    @APIResponse(responseCode = "409", description = "The version is not the published one")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    public Response retire(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
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
            @NotNull @Valid RetireRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/notices/" + slug + "/versions/" + number + "/retire",
                Arrays.asList(ifMatch, request),
                () -> VersionResponses.ok(retirement.retire(slug, number, expected, request.reason())));
    }
}
