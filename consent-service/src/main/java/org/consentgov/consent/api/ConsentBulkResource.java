package org.consentgov.consent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.consentgov.consent.api.ConsentBulkViews.ImportLineResult;
import org.consentgov.consent.api.ConsentBulkViews.ImportSummaryLine;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.domain.ConsentExportService;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.idempotency.IdempotentExecutor;
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

/** Streamed export and NDJSON bulk import of consent records. HTTP only. */
@Path("/api/consents")
@Authenticated
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
public class ConsentBulkResource {

    static final String NDJSON = ConsentImport.NDJSON;
    static final String CSV = ConsentCsvWriter.MEDIA_TYPE;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + ConsentImport.MAX_KEY_LENGTH + "}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ConsentExportService exports;
    private final ConsentImport importer;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ConsentBulkResource(ConsentExportService exports, ConsentImport importer, ObjectMapper mapper, Clock clock) {
        this.exports = exports;
        this.importer = importer;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    @Path("export")
    @Produces({NDJSON, CSV})
    @RolesAllowed({Roles.DPO, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(
            operationId = "exportConsents",
            summary = "Export consent records",
            description =
                    "Every record matching the filters, oldest first, streamed as NDJSON (one ConsentRecord per line) or as CSV (RFC 4180, header line, CRLF). Minimised: no subject identifiers, only the internal subject id. The export is logged (who, filters), and a subject filter is logged as a read of that subject's data.")
    @Parameter(
            name = "format",
            description = "ndjson (default) or csv",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"ndjson", "csv"},
                            defaultValue = "ndjson"))
    @APIResponse(
            responseCode = "200",
            description = "The records, as an attachment",
            content = {
                @Content(mediaType = NDJSON, schema = @Schema(implementation = ConsentRecordView.class)),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples =
                                @ExampleObject(
                                        name = "csv",
                                        value =
                                                "id,subjectId,noticeSlug,noticeVersion,noticeContentHash,purposes,state,effective,decision,missingParties,formReceivedOn,recordedAt,recordedBy,withdrawalWindowEndsOn,endedAt\r\n"))
            })
    @APIResponse(
            responseCode = "400",
            description = "Unknown format or invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @QueryParam("format") @DefaultValue("ndjson") String format,
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
            @Parameter(description = "The subject's internal id") @QueryParam("subject") UUID subject) {
        ExportFormat as = ExportFormat.of(format);
        ConsentRecordRepository.Filter filter =
                new ConsentRecordRepository.Filter(notice, state, recordedFrom, recordedTo, subject);
        StreamingOutput body = out -> as.write(exports, filter, mapper, out);
        String filename =
                "consents-" + STAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)) + "." + as.extension;
        return Response.ok(body, as.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    @POST
    @Path("import")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.DPO})
    @Operation(
            operationId = "importConsents",
            deprecated = true,
            summary = "Import consent forms in bulk, answered line by line",
            description =
                    "Superseded by POST /api/consents/imports, which streams a file of any length in bounded memory; kept for clients that want one result line per input line. The file is first stored (not held in memory), then recorded in batches exactly as POST /api/consents/imports records it. Content-Location names the import, readable with GET /api/consents/imports/{id} while it runs. One RecordConsentRequest per line (NDJSON; blank lines are skipped). Each line is recorded as POST /api/consents would record it, in its own transaction: a bad line is answered with the problem that endpoint would give and does not stop the others. The answer has one result line per input line, in order and written as each is recorded, then a summary line. With an Idempotency-Key K, line n is recorded at most once under the key K:n, so a re-sent file reports those lines as replayed; a changed line under a used key is an error (idempotency-key-reused). A line may have at most 65536 bytes; a file at most 100000 non-blank lines.")
    @Parameter(
            name = IdempotentExecutor.HEADER,
            in = ParameterIn.HEADER,
            description = "Makes a re-sent file record nothing twice: line n uses the key K:n",
            example = "eyes-import-2026-03-03",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = ConsentImport.MAX_KEY_LENGTH,
                            pattern = "[\\x21-\\x7E]{1,248}"))
    @RequestBody(
            required = true,
            description = "One RecordConsentRequest JSON per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = RecordConsentRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "One ConsentImportLine per input line, then one ConsentImportSummaryLine",
            headers =
                    @Header(
                            name = "Content-Location",
                            description = "The import: GET /api/consents/imports/{id}",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema = @Schema(oneOf = {ImportLineResult.class, ImportSummaryLine.class}),
                            examples = {
                                @ExampleObject(
                                        name = "created",
                                        summary = "A recorded line",
                                        value =
                                                "{\"line\":1,\"status\":\"created\",\"id\":\"0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10\"}"),
                                @ExampleObject(
                                        name = "error",
                                        summary = "A refused line",
                                        value =
                                                "{\"line\":2,\"status\":\"error\",\"problem\":{\"type\":\"https://consentgov.org/problems/invalid-identifier\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"not a valid NHS number\",\"instance\":\"/api/consents/import\",\"code\":\"invalid-identifier\",\"errors\":[{\"field\":\"subject.identifiers[0].value\",\"message\":\"not a valid NHS number\"}]}}"),
                                @ExampleObject(
                                        name = "summary",
                                        summary = "The last line",
                                        value = "{\"summary\":{\"lines\":2,\"created\":1,\"replayed\":0,\"errors\":1}}")
                            }))
    @APIResponse(
            responseCode = "400",
            description = "Invalid Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "More than 100000 lines; nothing was recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Not application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importConsents(@HeaderParam(IdempotentExecutor.HEADER) String key, InputStream body, UriInfo uri)
            throws IOException {
        if (key != null && !KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(
                    "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to " + ConsentImport.MAX_KEY_LENGTH
                            + " visible ASCII characters for an import",
                    IdempotentExecutor.HEADER);
        }
        ConsentImport.Spool spool = importer.spool(body);
        if (spool.tooLong()) {
            spool.close();
            return Response.status(413)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem(
                            413,
                            "Content too large",
                            "too-many-lines",
                            "An import has at most " + ConsentImport.MAX_LINES + " lines; this one has " + spool.lines()
                                    + ". Nothing was recorded: split the file",
                            "/" + uri.getPath().replaceFirst("^/", ""),
                            RequestIds.current(),
                            List.of(),
                            Map.of("maxLines", ConsentImport.MAX_LINES)))
                    .build();
        }
        UUID job = UUID.randomUUID();
        StreamingOutput results = out -> importer.run(spool, job, key, uri, out);
        return Response.ok(results, NDJSON)
                .contentLocation(uri.getBaseUriBuilder()
                        .path("api/consents/imports")
                        .path(job.toString())
                        .build())
                .build();
    }

    private enum ExportFormat {
        NDJSON(ConsentBulkResource.NDJSON, "ndjson"),
        CSV(ConsentBulkResource.CSV, "csv");

        final String mediaType;
        final String extension;

        ExportFormat(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static ExportFormat of(String format) {
            for (ExportFormat f : values()) {
                if (f.extension.equalsIgnoreCase(format)) {
                    return f;
                }
            }
            throw ProblemException.badRequest("unknown-format", "format must be ndjson or csv", "format");
        }

        void write(
                ConsentExportService exports,
                ConsentRecordRepository.Filter filter,
                ObjectMapper mapper,
                OutputStream out)
                throws IOException {
            if (this == NDJSON) {
                exports.export(filter, extension, record -> {
                    out.write(mapper.writeValueAsBytes(ConsentRecordMapper.view(record)));
                    out.write('\n');
                });
            } else {
                BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                ConsentCsvWriter csv = new ConsentCsvWriter(text);
                csv.header();
                exports.export(filter, extension, record -> csv.write(ConsentRecordMapper.view(record)));
                csv.flush();
            }
            out.flush();
        }
    }
}
