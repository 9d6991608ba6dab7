package org.consentgov.agreement.api;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.api.AgreementViews.AgreementSummaryView;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.CreateAgreementRequest;
import org.consentgov.agreement.api.AgreementViews.DraftRequest;
import org.consentgov.agreement.api.AgreementViews.EventView;
import org.consentgov.agreement.api.AgreementViews.HistoryEntryView;
import org.consentgov.agreement.api.AgreementViews.ReasonRequest;
import org.consentgov.agreement.api.AgreementViews.ReviewRequest;
import org.consentgov.agreement.api.AgreementViews.SignRequest;
import org.consentgov.agreement.api.AgreementViews.VariationRequest;
import org.consentgov.agreement.api.GapReportViews.GapReportView;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.AgreementService;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.agreement.domain.GapReportService;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
import org.consentgov.platform.problem.Problem;
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

/**
 * Information-sharing agreements: drafting and signing for the DPO and the parties, reading for every role
 * (partners and researchers only their own organisation's), and the governance gap report. HTTP only.
 */
@Path("/api/agreements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Information-sharing agreements, their versions, signatures and lifecycle")
@SecurityRequirement(name = "jwt")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AgreementResource {

    static final String CSV = "text/csv";

    private final AgreementService service;
    private final GapReportService gapReports;
    private final IdempotentExecutor idempotency;

    public AgreementResource(AgreementService service, GapReportService gapReports, IdempotentExecutor idempotency) {
        this.service = service;
        this.gapReports = gapReports;
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
            operationId = "listAgreements",
            summary = "List agreements",
            description =
                    "By reference. Partners and researchers see only the agreements their organisation is party to. With linkedNotice, the agreements that tell families about the sharing through that notice (what a change of the notice affects).")
    @APIResponse(responseCode = "200", description = "A page of agreements")
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return service.list(new AgreementRepository.Filter(state, organisation, reference, linkedNotice), page, size);
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "createAgreement",
            summary = "Draft an agreement",
            description = "Creates the agreement and its version 1 as a draft.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another agreement with this reference overlaps these dates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown organisation or vocabulary code, end before start…",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid CreateAgreementRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/agreements", request, () -> {
            AgreementView created = service.create(request.reference(), request.content());
            return Response.created(location(uri, created.id()))
                    .entity(created)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(created.rowVersion()))
                    .build();
        });
    }

    @GET
    @Path("gap-report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getGapReport",
            summary = "Governance gap report",
            description =
                    "Every recipient named in the notices notice-service publishes now without an ACTIVE agreement that has it as a party and links that notice. JSON, or CSV with Accept: text/csv.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = GapReportView.class)),
                @Content(mediaType = CSV)
            })
    @APIResponse(
            responseCode = "503",
            description = "notice-service cannot answer; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response gapReport(HttpHeaders headers) {
        GapReportView report = gapReports.report();
        if (headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.toString().startsWith(CSV))) {
            return Response.ok(GapReportService.csv(report), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"gap-report.csv\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}")
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
            operationId = "getAgreement",
            summary = "Read an agreement",
            description =
                    "With the version in force (or last in force, or the latest). The ETag is the concurrency token for every change.")
    @APIResponse(
            responseCode = "200",
            description = "The agreement",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @GET
    @Path("{id}/versions/{number}")
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
            operationId = "getAgreementVersion",
            summary = "Read one version",
            description = "Old versions stay readable.")
    @APIResponse(
            responseCode = "200",
            description = "The agreement with that version",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement or version, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response version(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Version number, from 1",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("number")
                    @Min(1)
                    int number) {
        return ok(service.version(id, number));
    }

    @PUT
    @Path("{id}/versions/{number}")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "updateAgreementDraft",
            summary = "Replace a draft's content",
            description = "Only a draft changes. Send the agreement's ETag in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The updated draft",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not a draft, or the reference would overlap another agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown organisation or vocabulary code, end before start…",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateDraft(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Version number, from 1",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("number")
                    @Min(1)
                    int number,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid DraftRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(service.updateDraft(id, number, expected, request.content()));
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "submitAgreement",
            summary = "Put the draft up for signature",
            description =
                    "Checks every rule — Art 9 condition for special category data, linked notices published and naming every party and category, no insecure transfer of special category data — and fixes the content's SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "Pending signature",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "No draft to submit",
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
    @APIResponse(
            responseCode = "503",
            description = "notice-service cannot answer; nothing changed; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(service.submit(id, expected));
    }

    @POST
    @Path("{id}/signatures")
    @RolesAllowed({Roles.DPO, Roles.PARTNER, Roles.RESEARCHER})
    @Operation(
            operationId = "signAgreement",
            summary = "Sign for your organisation",
            description =
                    "A user of a party signs the version put up for signature. The last signature brings it into force from its start date (the rules are checked again).")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of signing again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "Signed; the body shows who has signed and the state",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Your organisation is not a party, or you are not one of its signatories",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement or version, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already signed, not pending signature, or the content hash is not this version's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The last signature could not bring it into force: a rule is broken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The last signature needs notice-service, which cannot answer; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sign(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @NotNull @Valid SignRequest request,
            UriInfo uri) {
        return idempotency.execute(key, "POST /api/agreements/" + id + "/signatures", request, () -> {
            AgreementView signed = service.sign(id, request.version(), request.contentHash());
            return Response.created(versionUri(uri, id, signed.version()))
                    .entity(signed)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(signed.rowVersion()))
                    .build();
        });
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "activateAgreement",
            summary = "Bring a version into force",
            description =
                    "A suspended agreement back into force (the rules are checked again), or a version every party has signed. Without a version number: the one pending signature if any, else the suspended one.")
    @APIResponse(
            responseCode = "200",
            description = "Active",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Signatures missing, or the version cannot be activated in its state",
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
    @APIResponse(
            responseCode = "503",
            description = "notice-service cannot answer; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response activate(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(
                            description =
                                    "The version to bring into force; by default the one pending signature, else the suspended one")
                    @QueryParam("version")
                    @Min(1)
                    Integer version) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(service.activate(id, expected, version));
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "suspendAgreement",
            summary = "Suspend an active agreement",
            description = "While suspended every sharing decision under it is DENY.")
    @APIResponse(
            responseCode = "200",
            description = "Suspended",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Reason missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response suspend(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid ReasonRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(service.suspend(id, expected, request.reason()));
    }

    @POST
    @Path("{id}/terminate")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "terminateAgreement",
            summary = "Terminate an agreement",
            description = "Ends it for good, with any variation under way. Its versions stay readable.")
    @APIResponse(
            responseCode = "200",
            description = "Terminated",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Reason missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already expired or terminated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response terminate(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid ReasonRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(service.terminate(id, expected, request.reason()));
    }

    @POST
    @Path("{id}/variations")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "varyAgreement",
            summary = "Start a variation",
            description =
                    "A new draft version, a copy of the latest unless content is sent. Every party signs it again; until then the version in force stays in force.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a retry return the first response instead of creating again",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Terminated or expired, never in force, or a variation already open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown organisation or vocabulary code…",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response vary(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotentExecutor.HEADER) String key,
            @Valid VariationRequest request,
            UriInfo uri) {
        VariationRequest body = request == null ? new VariationRequest(null, null) : request;
        return idempotency.execute(key, "POST /api/agreements/" + id + "/variations", body, () -> {
            AgreementView draft = service.vary(id, body.content(), body.reason());
            return Response.created(versionUri(uri, id, draft.version()))
                    .entity(draft)
                    .type(MediaType.APPLICATION_JSON)
                    .tag(ETags.of(draft.rowVersion()))
                    .build();
        });
    }

    @POST
    @Path("{id}/reviews")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "reviewAgreement",
            summary = "Record a review",
            description = "The next review falls due one review cycle from today.")
    @APIResponse(
            responseCode = "200",
            description = "Reviewed",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Note missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not in force",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response review(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "The agreement's ETag as last read (a strong ETag such as \"3\"); missing is 428, stale is 412",
                            required = true,
                            example = "\"3\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 22, pattern = "\"[0-9]{1,20}\""))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid ReviewRequest request) {
        long expected = ETags.expectedVersion(ifMatch);
        return ok(service.review(id, expected, request.note()));
    }

    @GET
    @Path("{id}/history")
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
            operationId = "getAgreementHistory",
            summary = "An agreement's history",
            description = "Every change and signature of every version, append-only, oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(
            responseCode = "404",
            description = "No such agreement, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return service.history(id);
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
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<EventView> events(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return service.events(id, page, size);
    }

    private static Response ok(AgreementView view) {
        return Response.ok(view, MediaType.APPLICATION_JSON)
                .tag(ETags.of(view.rowVersion()))
                .build();
    }

    private static URI location(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/agreements/{id}").build(id);
    }

    private static URI versionUri(UriInfo uri, UUID id, int number) {
        return uri.getBaseUriBuilder()
                .path("api/agreements/{id}/versions/{number}")
                .build(id, number);
    }
}
