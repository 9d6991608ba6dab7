package org.consentgov.agreement.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.consentgov.agreement.api.OrganisationViews.CreateOrganisationRequest;
import org.consentgov.agreement.api.OrganisationViews.OrganisationView;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.OrganisationDetails;
import org.consentgov.agreement.domain.OrganisationService;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
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

/** The organisations that can be party to agreements. HTTP only. */
@Path("/api/organisations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Organisations that take part in information sharing")
@SecurityRequirement(name = "jwt")
public class OrganisationResource {

    private final OrganisationService service;
    private final IdempotentExecutor idempotency;

    public OrganisationResource(OrganisationService service, IdempotentExecutor idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "listOrganisations",
            summary = "List organisations",
            description = "By id, optionally of one type.")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public PageView<OrganisationView> list(
            @Parameter(
                            description = "Organisation type code",
                            example = "school",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 60))
                    @QueryParam("type")
                    @Size(max = 60)
                    String type,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return service.list(type, page, size).map(OrganisationMapper::view);
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(operationId = "createOrganisation", summary = "Register an organisation")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names it",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or a badly formatted ICO number, URN or ODS code")
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = "Unknown type, or an identifier that does not apply to the type")
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid CreateOrganisationRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/organisations", request, () -> {
            OrganisationView created = OrganisationMapper.view(service.create(request.slug(), request.details()));
            return Response.created(uri.getBaseUriBuilder()
                            .path("api/organisations/{slug}")
                            .build(created.slug()))
                    .entity(created)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(created.rowVersion()))
                    .build();
        });
    }

    @GET
    @Path("{slug}")
    @PermissionsAllowed(Roles.ANY_REALM_ROLE)
    @Operation(
            operationId = "getOrganisation",
            summary = "Read an organisation",
            description = "The ETag is the concurrency token for updates.")
    @APIResponse(
            responseCode = "200",
            description = "The organisation",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation")
    public Response get(
            @Parameter(
                            description = "The organisation's id",
                            example = "luton-schools",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = AgreementContent.SLUG))
                    @PathParam("slug")
                    @Size(max = 80)
                    @Pattern(
                            regexp = AgreementContent.SLUG,
                            message = "an organisation id: lower-case words joined by hyphens")
                    String slug) {
        OrganisationView view = OrganisationMapper.view(service.get(slug));
        return Response.ok(view).tag(ETags.of(view.rowVersion())).build();
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "updateOrganisation",
            summary = "Replace an organisation's details",
            description = "Send the ETag you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The updated organisation",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "422", description = "Unknown type, or an identifier that does not apply to the type")
    public Response update(
            @Parameter(
                            description = "The organisation's id",
                            example = "luton-schools",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = AgreementContent.SLUG))
                    @PathParam("slug")
                    @Size(max = 80)
                    @Pattern(
                            regexp = AgreementContent.SLUG,
                            message = "an organisation id: lower-case words joined by hyphens")
                    String slug,
            @Parameter(
                            description =
                                    "The organisation's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid OrganisationDetails request) {
        long expected = ETags.expectedVersion(ifMatch);
        OrganisationView view = OrganisationMapper.view(service.update(slug, expected, request));
        return Response.ok(view).tag(ETags.of(view.rowVersion())).build();
    }
}
