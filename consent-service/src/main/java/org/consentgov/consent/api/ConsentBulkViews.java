package org.consentgov.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.consentgov.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lines of a bulk import's NDJSON answer. */
public final class ConsentBulkViews {

    public static final String CREATED = "created";
    public static final String REPLAYED = "replayed";
    public static final String ERROR = "error";

    private ConsentBulkViews() {
    }

    @Schema(name = "ConsentImportLine", description = "The outcome of one input line")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportLineResult(
            @Schema(description = "The input line's number, counting from 1 and counting blank lines", examples = "3", required = true) int line,
            @Schema(description = "created; replayed (an earlier import with the same Idempotency-Key recorded it); or error", enumeration = {
                    CREATED, REPLAYED, ERROR}, examples = CREATED, required = true) String status,
            @Schema(description = "The consent record, unless status is error") UUID id,
            @Schema(description = "What POST /api/consents would have answered for this line") Problem problem) {
    }

    @Schema(name = "ConsentImportSummary", description = "Counts over the whole file")
    public record ImportSummary(
            @Schema(description = "Non-blank lines read", examples = "6") int lines,
            @Schema(examples = "3") int created,
            @Schema(examples = "0") int replayed,
            @Schema(examples = "3") int errors) {
    }

    @Schema(name = "ConsentImportSummaryLine", description = "The last line of the answer")
    public record ImportSummaryLine(@Schema(required = true) ImportSummary summary) {
    }
}
