package org.consentgov.consent.api;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.PartyRequest;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.domain.ConsentDocuments;
import org.consentgov.consent.domain.ConsentQueries;
import org.consentgov.consent.domain.ConsentRecording;
import org.consentgov.consent.domain.ConsentState;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consent records: record, list, read and add a party. HTTP only: each operation calls one domain use case and maps its result. */
@Path("/api/consents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentResource {

    static final String FHIR_JSON = "application/fhir+json";
    static final String JOSE = "application/jose";

    private final ConsentRecording recording;
    private final ConsentQueries queries;
    private final ConsentDocuments documents;
    private final ConsentDocumentRenderer renderer;
    private final IdempotentExecutor idempotency;

    public ConsentResource(
            ConsentRecording recording,
            ConsentQueries queries,
            ConsentDocuments documents,
            ConsentDocumentRenderer renderer,
            IdempotentExecutor idempotency) {
        this.recording = recording;
        this.queries = queries;
        this.documents = documents;
        this.renderer = renderer;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "recordConsent",
            summary = "Record a consent form",
            description =
                    "Pins the record to the published notice version (checked with notice-service), records each party's own decision and decides whether it is effective.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConsentRecordView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid identifier")
    @APIResponse(
            responseCode = "422",
            description =
                    "A rule is broken: unpublished notice version, hash mismatch, date order, unknown party role…")
    @APIResponse(responseCode = "503", description = "notice-service cannot answer; nothing stored; see Retry-After")
    public Response record(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid RecordConsentRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/consents", request, () -> {
            ConsentRecordView created =
                    ConsentRecordMapper.view(recording.record(ConsentRequestMapper.command(request)));
            return Response.created(location(uri, created.id()))
                    .entity(created)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(created.rowVersion()))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "listConsents",
            summary = "List consent records",
            description = "Filtered by notice, state, subject and recording time; oldest first.")
    @APIResponse(responseCode = "200", description = "A page of records")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public PageView<ConsentRecordView> list(
            @Parameter(
                            description = "Notice slug",
                            example = "what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9]+(-[a-z0-9]+)*"))
                    @QueryParam("notice")
                    String notice,
            @Parameter(description = "Only records in this state") @QueryParam("state") ConsentState state,
            @Parameter(description = "Recorded at or after (ISO 8601)") @QueryParam("recordedFrom")
                    Instant recordedFrom,
            @Parameter(description = "Recorded before (ISO 8601)") @QueryParam("recordedTo") Instant recordedTo,
            @Parameter(description = "The subject's internal id") @QueryParam("subject") UUID subject,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return queries.list(
                        new ConsentRecordRepository.Filter(notice, state, recordedFrom, recordedTo, subject),
                        page,
                        size)
                .map(ConsentRecordMapper::view);
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, FHIR_JSON})
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getConsent",
            summary = "Read a consent record",
            description =
                    "JSON, or an HL7 FHIR R4 Consent with Accept: application/fhir+json. The ETag is the concurrency token for changes.")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ConsentRecordView.class)),
                @Content(
                        mediaType = FHIR_JSON,
                        schema = @Schema(type = SchemaType.OBJECT, description = "An HL7 FHIR R4 Consent resource"),
                        examples = @ExampleObject(name = "fhir", summary = "The record as FHIR R4", value = """
                    {"resourceType": "Consent", "id": "0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10", "status": "active",
                     "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "research"}]},
                     "patient": {"identifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000018"}},
                     "dateTime": "2026-03-03T14:05:00Z"}"""))
            })
    @APIResponse(responseCode = "404", description = "No such record")
    public Response get(@PathParam("id") UUID id, @HeaderParam("Accept") String accept) {
        if (accept != null && accept.contains(FHIR_JSON)) {
            return Response.ok(renderer.fhir(documents.fhir(id)), FHIR_JSON).build();
        }
        ConsentRecordView view = ConsentRecordMapper.view(queries.get(id));
        return Response.ok(view, MediaType.APPLICATION_JSON)
                .tag(ETags.of(view.rowVersion()))
                .build();
    }

    @POST
    @Path("{id}/parties")
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "addConsentParty",
            summary = "Add a party's decision",
            description =
                    "E.g. the parent's consent that was missing; the record becomes effective when every required party has consented. If-Match required; an Idempotency-Key makes a retry answer the first answer.")
    @APIResponse(
            responseCode = "200",
            description = "The updated record",
            content = @Content(schema = @Schema(implementation = ConsentRecordView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "The record is not active")
    @APIResponse(responseCode = "422", description = "A rule is broken")
    public Response addParty(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The record's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true)
                    @HeaderParam("If-Match")
                    String ifMatch,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid PartyRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return idempotency.execute(
                key,
                "POST /api/consents/" + id + "/parties",
                request,
                () -> ok(ConsentRecordMapper.view(
                        recording.addParty(id, expected, ConsentRequestMapper.party(request)))));
    }

    private static Response ok(ConsentRecordView view) {
        return Response.ok(view, MediaType.APPLICATION_JSON)
                .tag(ETags.of(view.rowVersion()))
                .build();
    }

    private static java.net.URI location(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/consents/{id}").build(id);
    }
}
