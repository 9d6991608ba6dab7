package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.api.ConsentBulkViews.ImportJobView;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.consent.domain.ConsentImportQueries;
import org.consentgov.consent.domain.ConsentImports;
import org.consentgov.consent.domain.ImportState;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
import org.consentgov.platform.problem.Problem;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Streamed NDJSON bulk import of consent forms, and its progress. The body is read line by line while it
 * arrives, with flow control ({@link RequestBodyStream}: never held whole, never copied to disk), so its size is
 * bounded only by {@code consent.import.max-body-size}; {@link ConsentImports} records it. HTTP only.
 */
@Path("/api/consents/imports")
@Authenticated
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentImportResource {

    static final String NDJSON = "application/x-ndjson";
    /** The key of line n is {@code K:n}: K leaves room for ":" and any line number an int holds. */
    static final int MAX_KEY_LENGTH = 255 - 11;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");
    private static final String STATES = "RUNNING|COMPLETED|FAILED";

    private final ConsentImports imports;
    private final ConsentImportQueries queries;
    private final ConsentImportMapper mapper;
    private final ImportLineParser parser;
    private final long maxBodySize;

    public ConsentImportResource(
            ConsentImports imports,
            ConsentImportQueries queries,
            ConsentImportMapper mapper,
            ImportLineParser parser,
            ConsentConfig config) {
        this.imports = imports;
        this.queries = queries;
        this.mapper = mapper;
        this.parser = parser;
        this.maxBodySize = config.imports().maxBodySize().asLongValue();
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "createConsentImport",
            summary = "Import consent forms in bulk (streamed)",
            description =
                    "One RecordConsentRequest per line (NDJSON, UTF-8; blank lines are skipped). The file is read as it arrives and recorded in batches, each batch in a transaction of its own; each line is checked and recorded exactly as POST /api/consents would record it (subject found or created, a newer record supersedes the one in force, hash-chained history, events), and a bad line is refused with the problem that endpoint would give without stopping the others. The answer comes when the whole file has been read: the import with its counts and the first 100 refused lines. While it runs, GET /api/consents/imports lists it as RUNNING and GET /api/consents/imports/{id} shows its counts, moved on every 5000 lines. Limits: a body of at most 1 GiB (CONSENT_IMPORT_MAX_BODY_SIZE; about 2.5 million lines of 400 bytes), a line of at most 65536 bytes; no limit on the number of lines. With an Idempotency-Key K, line n is recorded at most once under the key K:n: re-sending a file, or the rest of a file after a broken upload, records nothing twice and counts those lines as replayed; a changed line under a used key is refused (idempotency-key-reused). Without a key a re-sent file is recorded again.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a re-sent file record nothing twice: line n uses the key K:n",
            example = "eyes-import-2026-03-03",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_KEY_LENGTH, pattern = "[\\x21-\\x7E]{1,244}"))
    @RequestBody(
            required = true,
            description = "One RecordConsentRequest JSON per line, at most 1 GiB in all",
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema = @Schema(implementation = RecordConsentRequest.class),
                            examples = @ExampleObject(name = "two lines", summary = "Two consent forms", value = """
            {"subject":{"identifiers":[{"system":"nhs-number","value":"9990000018"}],"dateOfBirth":"2013-11-20"},"notice":{"slug":"what-it-means-to-me","version":1,"contentHash":"9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"},"purposes":["research-what-it-means-to-me"],"parties":[{"role":"child","decision":"GIVEN","decidedOn":"2026-03-02","capacity":"GILLICK_COMPETENT","assessedOn":"2026-03-01"}],"collectionMethod":"PAPER_FORM","formIssuedOn":"2026-02-24","formReceivedOn":"2026-03-03","evidenceReference":"EYES document 12345"}
            {"subject":{"identifiers":[{"system":"nhs-number","value":"9990000026"}],"dateOfBirth":"2012-05-04"},"notice":{"slug":"what-it-means-to-me","version":1,"contentHash":"9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"},"purposes":["research-what-it-means-to-me"],"parties":[{"role":"child","decision":"REFUSED","decidedOn":"2026-03-02"}],"collectionMethod":"PAPER_FORM","formReceivedOn":"2026-03-03"}
            """)))
    @APIResponse(
            responseCode = "201",
            description = "Every line has an outcome; the import resource",
            headers =
                    @Header(
                            name = "Location",
                            description = "The import: GET /api/consents/imports/{id}",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportJobView.class),
                            examples =
                                    @ExampleObject(
                                            name = "completed",
                                            summary = "A file with one refused line",
                                            value = """
            {"id": "5a0c8a5e-2c4b-4d7e-8f6a-1b2c3d4e5f60", "state": "COMPLETED", "idempotencyKey": "eyes-import-2026-03-03",
             "createdBy": "integration-user", "linesRead": 3, "accepted": 2, "created": 2, "replayed": 0, "rejected": 1,
             "errors": [{"line": 2, "problem": {"type": "https://consentgov.org/problems/invalid-identifier", "title": "Bad request",
               "status": 400, "detail": "not a valid NHS number", "instance": "/api/consents/imports", "code": "invalid-identifier",
               "errors": [{"field": "subject.identifiers[0].value", "message": "not a valid NHS number"}]}}],
             "startedAt": "2026-03-03T14:05:00Z", "updatedAt": "2026-03-03T14:05:02Z", "finishedAt": "2026-03-03T14:05:02Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid Idempotency-Key")
    @APIResponse(
            responseCode = "413",
            description = "The body is larger than 1 GiB (CONSENT_IMPORT_MAX_BODY_SIZE); split the file")
    @APIResponse(responseCode = "415", description = "Not application/x-ndjson")
    public Response create(
            @HeaderParam(IdempotentExecutor.HEADER) String key, @Context HttpServerRequest request, UriInfo uri)
            throws IOException {
        if (key != null && !KEY.matcher(key).matches()) {
            throw ConsentErrors.INVALID_IDEMPOTENCY_KEY.problem(
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters for an import",
                    IdempotentExecutor.HEADER);
        }
        UUID id = UUID.randomUUID();
        try {
            // not Quarkus REST's InputStream parameter: it let a fast client fill the heap (RequestBodyStream)
            imports.run(new RequestBodyStream(request, maxBodySize), id, key, parser, new ImportProblems(uri));
        } catch (RequestBodyStream.TooLarge e) {
            return Response.status(413)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem(
                            ConsentErrors.CONTENT_TOO_LARGE.kind().status(),
                            ConsentErrors.CONTENT_TOO_LARGE.kind().title(),
                            ConsentErrors.CONTENT_TOO_LARGE.code(),
                            "An import body may have at most " + e.limit + " bytes; the import " + id
                                    + " stopped there (the lines before it are recorded): split the file",
                            "/" + uri.getPath().replaceFirst("^/", ""),
                            RequestIds.current(),
                            List.of(),
                            java.util.Map.of("maxBodyBytes", e.limit, "importId", id.toString())))
                    .build();
        }
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/consents/imports")
                        .path(id.toString())
                        .build())
                .entity(mapper.view(queries.find(id).orElseThrow(), true))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "listConsentImports",
            summary = "List bulk imports",
            description =
                    "Newest first, with their counts (not their errors). The DPO sees every import; others see their own.")
    @APIResponse(responseCode = "200", description = "A page of imports")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public PageView<ImportJobView> list(
            @Parameter(
                            description = "Only imports in this state",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"RUNNING", "COMPLETED", "FAILED"}))
                    @QueryParam("state")
                    @jakarta.validation.constraints.Pattern(regexp = STATES)
                    String state,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        ImportState in = state == null ? null : ImportState.valueOf(state);
        return PageView.of(
                queries.page(in, page, size).stream()
                        .map(r -> mapper.view(r, false))
                        .toList(),
                page,
                size,
                queries.count(in));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "getConsentImport",
            summary = "Read a bulk import and its progress",
            description =
                    "State, lines read, accepted (created and replayed) and rejected, and the first 100 refused lines with their line numbers and problems. While the import runs the counts move on every 5000 lines. The DPO reads every import; others their own.")
    @APIResponse(
            responseCode = "200",
            description = "The import",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportJobView.class),
                            examples = @ExampleObject(name = "running", summary = "An import under way", value = """
            {"id": "5a0c8a5e-2c4b-4d7e-8f6a-1b2c3d4e5f60", "state": "RUNNING", "createdBy": "integration-user", "linesRead": 415000,
             "accepted": 414998, "created": 414998, "replayed": 0, "rejected": 2, "errors": [], "startedAt": "2026-03-03T14:05:00Z",
             "updatedAt": "2026-03-03T14:06:10Z"}""")))
    @APIResponse(responseCode = "404", description = "No such import (or not the caller's)")
    public ImportJobView get(@PathParam("id") UUID id) {
        return queries.find(id)
                .map(r -> mapper.view(r, true))
                .orElseThrow(() -> ProblemException.notFound("Consent import", id));
    }
}
