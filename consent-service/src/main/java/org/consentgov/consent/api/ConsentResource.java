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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.api.ConsentRequests.InvalidateRequest;
import org.consentgov.consent.api.ConsentRequests.PartyRequest;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentRequests.WithdrawRequest;
import org.consentgov.consent.api.ConsentViews.CheckView;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.api.ConsentViews.HistoryEntryView;
import org.consentgov.consent.api.ConsentViews.VerificationView;
import org.consentgov.consent.api.ConsentViews.WithdrawalOutcome;
import org.consentgov.consent.domain.ConsentCheckService;
import org.consentgov.consent.domain.ConsentDocuments;
import org.consentgov.consent.domain.ConsentInvalidation;
import org.consentgov.consent.domain.ConsentQueries;
import org.consentgov.consent.domain.ConsentRecording;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.ConsentWithdrawals;
import org.consentgov.consent.domain.ConsentWithdrawals.WithdrawalResult;
import org.consentgov.consent.domain.WithdrawalDecision;
import org.consentgov.consent.persistence.ConsentRecordRepository;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consent records. HTTP only: each operation calls one domain use case and maps its result. */
@Path("/api/consents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
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
public class ConsentResource {

    static final String FHIR_JSON = "application/fhir+json";
    static final String JOSE = "application/jose";

    private final ConsentRecording recording;
    private final ConsentWithdrawals withdrawals;
    private final ConsentInvalidation invalidation;
    private final ConsentQueries queries;
    private final ConsentDocuments documents;
    private final ConsentCheckService checks;
    private final ConsentDocumentRenderer renderer;
    private final IdempotentExecutor idempotency;

    public ConsentResource(
            ConsentRecording recording,
            ConsentWithdrawals withdrawals,
            ConsentInvalidation invalidation,
            ConsentQueries queries,
            ConsentDocuments documents,
            ConsentCheckService checks,
            ConsentDocumentRenderer renderer,
            IdempotentExecutor idempotency) {
        this.recording = recording;
        this.withdrawals = withdrawals;
        this.invalidation = invalidation;
        this.queries = queries;
        this.documents = documents;
        this.checks = checks;
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
            description = "Makes a retry return the first response",
            example = "6f1c2b9e-0d4a-4c1e-9b7f-5a3e2d1c0b9a",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255, pattern = "[\\x21-\\x7E]{1,255}"))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConsentRecordView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body or invalid identifier",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "A rule is broken: unpublished notice version, hash mismatch, date order, unknown party role…",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "notice-service cannot answer; nothing stored; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(
            responseCode = "404",
            description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
                    "E.g. the parent's consent that was missing; the record becomes effective when every required party has consented. If-Match required.")
    @APIResponse(
            responseCode = "200",
            description = "The updated record",
            content = @Content(schema = @Schema(implementation = ConsentRecordView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The record is not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A rule is broken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addParty(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The record's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid PartyRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(ConsentRecordMapper.view(recording.addParty(id, expected, ConsentRequestMapper.party(request))));
    }

    @POST
    @Path("{id}/withdrawals")
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "withdrawConsent",
            summary = "Withdraw a consent",
            description =
                    "Inside the notice's window (Europe/London, inclusive) the record is withdrawn at once. After it, the answer is 409 with the window's end, and the request is stored and referred to the DPO. Withdrawal stops new use only.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = WithdrawalOutcome.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Outside the window (request referred to the DPO), or the record is not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match, when one is sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown party role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "Optional: the record's ETag as last read (a strong ETag such as \"3\"); stale is 412",
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid WithdrawRequest request,
            UriInfo uri) {
        Long expected = ifMatch == null ? null : ETags.expectedVersion(ifMatch);
        WithdrawalResult result = withdrawals.withdraw(id, expected, ConsentRequestMapper.withdraw(request));
        if (result.decision() == WithdrawalDecision.REFERRED_TO_DPO) {
            throw ConsentErrors.WITHDRAWAL_WINDOW_CLOSED
                    .problem("The withdrawal window ended on "
                            + result.referral().windowEndedOn
                            + "; the request has been stored and referred to the data protection officer")
                    .with("windowEndedOn", result.referral().windowEndedOn.toString())
                    .with("withdrawalRequestId", result.referral().id.toString())
                    .with("requestStatus", result.referral().status.name())
                    .withHeader(
                            "Location",
                            uri.getBaseUriBuilder()
                                    .path("api/consents/withdrawal-requests/{id}")
                                    .build(result.referral().id)
                                    .toString());
        }
        WithdrawalOutcome outcome = ConsentRecordMapper.view(result);
        return Response.ok(outcome).tag(ETags.of(outcome.record().rowVersion())).build();
    }

    @POST
    @Path("{id}/invalidate")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "invalidateConsent",
            summary = "Invalidate a record recorded in error",
            description = "The record then never counts, not even for past dates. If-Match required.")
    @APIResponse(
            responseCode = "200",
            description = "Invalidated",
            content = @Content(schema = @Schema(implementation = ConsentRecordView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Reason missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already invalidated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response invalidate(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The record's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid InvalidateRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(ConsentRecordMapper.view(invalidation.invalidate(id, expected, request.reason())));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getConsentHistory",
            summary = "A record's history",
            description = "Every state change, append-only and chained by SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "The history, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntryView.class),
                            examples =
                                    @ExampleObject(
                                            name = "history",
                                            summary = "Recorded, then withdrawn",
                                            value = """
            [{"seq": 1, "event": "RECORDED", "to": "ACTIVE", "actor": "caseworker", "at": "2026-03-03T14:05:00Z",
              "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
              "hash": "4b7e1f0c2a9d8e3f5c6b7a8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"},
             {"seq": 2, "event": "WITHDRAWN", "from": "ACTIVE", "to": "WITHDRAWN", "actor": "caseworker", "at": "2026-03-10T09:00:00Z",
              "reason": "changed their mind",
              "prevHash": "4b7e1f0c2a9d8e3f5c6b7a8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f",
              "hash": "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2"}]""")))
    @APIResponse(
            responseCode = "404",
            description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return queries.history(id).stream().map(ConsentRecordMapper::view).toList();
    }

    @GET
    @Path("{id}/history/verify")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "verifyConsentHistory",
            summary = "Verify a record's hash chain",
            description = "Detects a changed, inserted or deleted history row.")
    @APIResponse(
            responseCode = "200",
            description = "The verification result",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerificationView verify(@PathParam("id") UUID id) {
        return ConsentRecordMapper.view(queries.verify(id));
    }

    @GET
    @Path("{id}/receipt")
    @Produces(JOSE)
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getConsentReceipt",
            summary = "A signed consent receipt",
            description =
                    "ISO/IEC TS 27560-style receipt as a compact JWS; verify it offline with /api/consents/receipts/jwks.json.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(mediaType = JOSE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "404",
            description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "notice-service cannot answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receipt(@PathParam("id") UUID id) {
        return Response.ok(renderer.receipt(documents.receipt(id)), JOSE).build();
    }

    @GET
    @Path("check")
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR, Roles.RESEARCHER})
    @Operation(
            operationId = "checkConsent",
            summary = "Is there an effective consent?",
            description =
                    "For subject S (system:value or internal id), notice N and purpose P at time T (default now): yes or no, the reasons, and the record and notice version relied on. Researchers only for the notices of their organisation's agreements.")
    @APIResponse(
            responseCode = "200",
            description = "The answer",
            content = @Content(schema = @Schema(implementation = CheckView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Missing or invalid parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "A researcher asked about a notice outside their agreements",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckView check(
            @Parameter(
                            description = "system:value, e.g. nhs-number:9434765919, or the subject's id",
                            required = true,
                            example = "nhs-number:9990000018",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 105))
                    @QueryParam("subject")
                    @NotBlank
                    String subject,
            @Parameter(
                            description = "Notice slug",
                            required = true,
                            example = "what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9]+(-[a-z0-9]+)*"))
                    @QueryParam("notice")
                    @NotBlank
                    String notice,
            @Parameter(
                            description = "Purpose code",
                            required = true,
                            example = "research-what-it-means-to-me",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 80,
                                            pattern = "[a-z0-9][a-z0-9.-]{0,79}"))
                    @QueryParam("purpose")
                    @NotBlank
                    String purpose,
            @Parameter(description = "Time to check at (ISO 8601); default now") @QueryParam("at") Instant at) {
        return ConsentRecordMapper.view(checks.check(subject, notice, purpose, at));
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
