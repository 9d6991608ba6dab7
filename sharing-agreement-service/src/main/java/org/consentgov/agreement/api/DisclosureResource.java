package org.consentgov.agreement.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.consentgov.agreement.api.DisclosureViews.DisclosureView;
import org.consentgov.agreement.api.DisclosureViews.RecordDisclosureRequest;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.DisclosureService;
import org.consentgov.agreement.persistence.DisclosureFilter;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.identifiers.Identifier;
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

/** The disclosure log: recording, querying (a subject access request among them) and export. HTTP only. */
@Path("/api/disclosures")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosures", description = "Who received what about whom, under which agreement and decision")
@SecurityRequirement(name = "jwt")
public class DisclosureResource {

    static final String NDJSON = "application/x-ndjson";

    private final DisclosureService service;
    private final IdempotentExecutor idempotency;
    private final ObjectMapper mapper;

    public DisclosureResource(DisclosureService service, IdempotentExecutor idempotency, ObjectMapper mapper) {
        this.service = service;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION, Roles.CASEWORKER})
    @Operation(
            operationId = "recordDisclosure",
            summary = "Record a disclosure under an earlier PERMIT",
            description =
                    "One disclosure per decision; the transfer method must be one the agreement allows. The decision is checked again for the disclosure's own date: disclosedAt (default now) lies between the decision's at and now, the PERMIT is at most agreement.decisions.permit-valid-for old (default 15 minutes), and the question evaluated at disclosedAt with what is known now is still a PERMIT under the same agreement version; otherwise nothing is recorded.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of recording again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location names it",
            content = @Content(schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "404", description = "No such decision")
    @APIResponse(
            responseCode = "409",
            description =
                    "The decision is already recorded as a disclosure (decision-already-disclosed), too old (decision-stale), or would now be DENY or rely on another agreement version (decision-no-longer-permits, with the reasons)")
    @APIResponse(
            responseCode = "422",
            description =
                    "The decision was DENY, the transfer method is missing or not allowed, or disclosedAt is before the decision's at or ahead of now")
    public Response record(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid RecordDisclosureRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/disclosures", request, () -> {
            DisclosureView created = DisclosureMapper.view(service.record(DisclosureMapper.command(request)));
            return Response.created(
                            uri.getBaseUriBuilder().path("api/disclosures/{id}").build(created.id()))
                    .entity(created)
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION, Roles.CASEWORKER, Roles.AUDITOR, Roles.PARTNER, Roles.RESEARCHER})
    @Operation(
            operationId = "listDisclosures",
            summary = "Query the disclosure log",
            description =
                    "By subject (a subject access request: who received my data), agreement, recipient and period, oldest first. Partners and researchers see only what their organisation received; auditors see no identifiers. A query by subject is logged.")
    @APIResponse(responseCode = "200", description = "A page of disclosures")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public PageView<DisclosureView> list(
            @Parameter(
                            description = "system:value, e.g. nhs-number:9434765919",
                            example = "nhs-number:9434765919",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @QueryParam("subject")
                    @Size(max = 100)
                    String subject,
            @Parameter(description = "Agreement id") @QueryParam("agreement") UUID agreement,
            @Parameter(
                            description = "Recipient organisation id",
                            example = "university-of-bedfordshire",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = AgreementContent.SLUG))
                    @QueryParam("recipient")
                    @Size(max = 80)
                    @Pattern(
                            regexp = AgreementContent.SLUG,
                            message = "an organisation id: lower-case words joined by hyphens")
                    String recipient,
            @Parameter(description = "Disclosed at or after (ISO 8601)") @QueryParam("from") Instant from,
            @Parameter(description = "Disclosed before (ISO 8601)") @QueryParam("to") Instant to,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return service.list(filter(subject, agreement, recipient, from, to), page, size)
                .map(DisclosureMapper::view);
    }

    @GET
    @Path("export")
    @Produces(NDJSON)
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "exportDisclosures",
            summary = "Export the disclosure log",
            description =
                    "Every matching disclosure as newline-delimited JSON, streamed as it is read. The export is logged.")
    @APIResponse(
            responseCode = "200",
            description = "One disclosure per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Response export(
            @Parameter(
                            description = "system:value, e.g. nhs-number:9434765919",
                            example = "nhs-number:9434765919",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @QueryParam("subject")
                    @Size(max = 100)
                    String subject,
            @Parameter(description = "Agreement id") @QueryParam("agreement") UUID agreement,
            @Parameter(
                            description = "Recipient organisation id",
                            example = "university-of-bedfordshire",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = AgreementContent.SLUG))
                    @QueryParam("recipient")
                    @Size(max = 80)
                    @Pattern(
                            regexp = AgreementContent.SLUG,
                            message = "an organisation id: lower-case words joined by hyphens")
                    String recipient,
            @Parameter(description = "Disclosed at or after (ISO 8601)") @QueryParam("from") Instant from,
            @Parameter(description = "Disclosed before (ISO 8601)") @QueryParam("to") Instant to) {
        DisclosureFilter filter = filter(subject, agreement, recipient, from, to);
        Scope scope = service.scope();
        boolean identifiers = service.identifiers();
        StreamingOutput body = out ->
                service.export(filter, scope, identifiers, shown -> writeLine(out, DisclosureMapper.view(shown)));
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"disclosures.ndjson\"")
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION, Roles.CASEWORKER, Roles.AUDITOR, Roles.PARTNER, Roles.RESEARCHER})
    @Operation(operationId = "getDisclosure", summary = "Read a disclosure", description = "The read is logged.")
    @APIResponse(
            responseCode = "200",
            description = "The disclosure",
            content = @Content(schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "404", description = "No such disclosure, or not yours")
    public DisclosureView get(@PathParam("id") UUID id) {
        return DisclosureMapper.view(service.get(id));
    }

    private static DisclosureFilter filter(String subject, UUID agreement, String recipient, Instant from, Instant to) {
        Identifier ref = subject == null ? null : DisclosureService.subject(subject, "subject");
        return new DisclosureFilter(
                ref == null ? null : ref.systemCode(),
                ref == null ? null : ref.value(),
                agreement,
                recipient,
                from,
                to);
    }

    private void writeLine(OutputStream out, DisclosureView view) {
        try {
            out.write(mapper.writeValueAsBytes(view));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
