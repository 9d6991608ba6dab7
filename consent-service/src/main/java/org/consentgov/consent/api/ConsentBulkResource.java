package org.consentgov.consent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.domain.ConsentExportService;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Streamed export of consent records. HTTP only. */
@Path("/api/consents")
@Authenticated
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentBulkResource {

    static final String NDJSON = ConsentImportResource.NDJSON;
    static final String CSV = ConsentCsvWriter.MEDIA_TYPE;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ConsentExportService exports;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ConsentBulkResource(ConsentExportService exports, ObjectMapper mapper, Clock clock) {
        this.exports = exports;
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
    @APIResponse(responseCode = "400", description = "Unknown format or invalid filter")
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
            throw ConsentErrors.UNKNOWN_FORMAT.problem("format must be ndjson or csv", "format");
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
