package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.SubjectRequest;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.api.ConsentViews.SubjectView;
import org.consentgov.consent.domain.ConsentQueries;
import org.consentgov.consent.domain.SubjectService;
import org.consentgov.consent.persistence.ConsentRecordRepository;
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

/** Subjects: the people consents are about, by identifier. Every read is logged. */
@Path("/api/subjects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subjects",
        description = "Children and young people the consents are about: identifiers and date of birth, no names")
@SecurityRequirement(name = "jwt")
public class SubjectResource {

    private final SubjectService subjects;
    private final ConsentQueries consents;
    private final IdempotentExecutor idempotency;

    public SubjectResource(SubjectService subjects, ConsentQueries consents, IdempotentExecutor idempotency) {
        this.subjects = subjects;
        this.consents = consents;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "createSubject",
            summary = "Register a subject",
            description =
                    "Identifiers are checked: NHS number (modulus 11), UPN (check letter), NI number format, case-management id.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid identifier or body")
    @APIResponse(responseCode = "409", description = "A subject with one of these identifiers exists")
    @APIResponse(responseCode = "422", description = "Date of birth in the future")
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key, @NotNull @Valid SubjectRequest request, UriInfo uri) {
        return idempotency.execute(key, "POST /api/subjects", request, () -> {
            SubjectView created = ConsentRecordMapper.view(subjects.create(ConsentRequestMapper.subject(request)));
            return Response.created(
                            uri.getBaseUriBuilder().path("api/subjects/{id}").build(created.id()))
                    .tag(ETags.of(created.rowVersion()))
                    .entity(created)
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "findSubject",
            summary = "Find a subject by identifier",
            description = "identifier=system:value, e.g. nhs-number:9434765919")
    @APIResponse(
            responseCode = "200",
            description = "The subject",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid identifier")
    @APIResponse(responseCode = "404", description = "No subject has it")
    public SubjectView find(
            @Parameter(
                            description = "system:value",
                            required = true,
                            example = "nhs-number:9990000018",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 105))
                    @QueryParam("identifier")
                    @NotBlank
                    String identifier) {
        return ConsentRecordMapper.view(subjects.find(identifier));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "getSubject",
            summary = "Read a subject",
            description = "Identifiers and date of birth. The read is logged.")
    @APIResponse(
            responseCode = "200",
            description = "The subject",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "404", description = "No such subject")
    public SubjectView get(@PathParam("id") UUID id) {
        return ConsentRecordMapper.view(subjects.get(id));
    }

    @GET
    @Path("{id}/consents")
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "listSubjectConsents",
            summary = "A subject's consent records",
            description = "The consent picture of one child, oldest first.")
    @APIResponse(responseCode = "200", description = "A page of records")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public PageView<ConsentRecordView> consents(
            @PathParam("id") UUID id,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return consents.list(new ConsentRecordRepository.Filter(null, null, null, null, id), page, size)
                .map(ConsentRecordMapper::view);
    }
}
