package org.consentgov.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulk import as the API shows it. */
public final class ConsentBulkViews {

    private ConsentBulkViews() {}

    @Schema(
            name = "ConsentImportError",
            description = "A refused line: its number and the problem POST /api/consents would have answered")
    public record ImportError(
            @Schema(
                    description = "The line's number in the file, counting from 1 and counting blank lines",
                    examples = "2",
                    required = true)
            long line,

            @Schema(required = true, implementation = Problem.class)
            Object problem) {}

    @Schema(
            name = "ConsentImport",
            description =
                    "A bulk import of consent forms and how far it got. Its counts move on every few thousand lines while the file streams in.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportJobView(
            @Schema(required = true, examples = "5a0c8a5e-2c4b-4d7e-8f6a-1b2c3d4e5f60")
            UUID id,

            @Schema(
                    description =
                            "RUNNING while the file streams in; COMPLETED when every line has an outcome; FAILED when the upload or the service broke off (the lines counted are recorded; re-send the file with the same Idempotency-Key to finish)",
                    enumeration = {"RUNNING", "COMPLETED", "FAILED"},
                    examples = "COMPLETED",
                    required = true)
            String state,

            @Schema(
                    description = "The Idempotency-Key the file was sent with, if any",
                    examples = "eyes-import-2026-03-03")
            String idempotencyKey,

            @Schema(description = "Who sent it", examples = "integration-user", required = true)
            String createdBy,

            @Schema(
                    description = "Non-blank lines with an outcome so far: accepted + rejected",
                    examples = "1000000",
                    required = true)
            long linesRead,

            @Schema(
                    description =
                            "Lines recorded now or by an earlier import with the same Idempotency-Key: created + replayed",
                    examples = "999998",
                    required = true)
            long accepted,

            @Schema(description = "Lines recorded by this import", examples = "999998", required = true)
            long created,

            @Schema(
                    description =
                            "Lines an earlier import with the same Idempotency-Key had recorded; nothing was recorded twice",
                    examples = "0",
                    required = true)
            long replayed,

            @Schema(
                    description = "Lines refused, each with the problem POST /api/consents would give",
                    examples = "2",
                    required = true)
            long rejected,

            @Schema(description = "The first refused lines (at most 100), in line order; absent in lists")
            List<ImportError> errors,

            @Schema(
                    description = "Why a FAILED import stopped",
                    examples = "The upload ended before the end of the file")
            String failure,

            @Schema(required = true) Instant startedAt,

            @Schema(description = "When the counts last moved", required = true)
            Instant updatedAt,

            Instant finishedAt) {}
}
