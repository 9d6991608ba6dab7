package org.consentgov.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response types of {@code GET /api/consents/summary}: counts only, never a subject or a record. */
public final class ConsentSummaryViews {

    private ConsentSummaryViews() {}

    @Schema(
            name = "ConsentSummary",
            description = "What a DPO dashboard shows of consent-service: counts only, no personal data",
            examples = """
            {"asOf": "2026-03-25T10:00:00Z", "total": 12,
             "byState": {"ACTIVE": 8, "REFUSED": 1, "WITHDRAWN": 2, "EXPIRED": 0, "SUPERSEDED": 1, "INVALIDATED": 0},
             "reconsentRequired": 3,
             "byNotice": [{"slug": "what-it-means-to-me", "version": 1, "total": 12,
               "byState": {"ACTIVE": 8, "REFUSED": 1, "WITHDRAWN": 2, "EXPIRED": 0, "SUPERSEDED": 1, "INVALIDATED": 0},
               "reconsentRequired": 3}],
             "withdrawalRequests": {"total": 3, "byStatus": {"REFERRED": 2, "ACCEPTED": 1, "DECLINED": 0},
               "awaitingResolution": 2, "oldestAwaitingSince": "2026-03-20T09:30:00Z"}}""")
    public record ConsentSummaryView(
            @Schema(description = "When the counts were taken", required = true)
            Instant asOf,

            @Schema(description = "Every record, whatever its state: the sum of byState", required = true)
            long total,

            @Schema(
                    description = "Records by state: every state of the domain (ConsentState), zero when empty",
                    required = true)
            Map<String, Long> byState,

            @Schema(
                    description =
                            "ACTIVE records a material notice change flagged for re-consent: still in force, the person should be asked again",
                    required = true)
            long reconsentRequired,

            @Schema(
                    description = "One entry per notice slug and version that has records, by slug then version",
                    required = true)
            List<NoticeConsentCountsView> byNotice,

            @Schema(required = true) WithdrawalRequestCountsView withdrawalRequests) {}

    @Schema(name = "NoticeConsentCounts", description = "The records pinned to one version of one notice")
    public record NoticeConsentCountsView(
            @Schema(examples = "what-it-means-to-me", required = true)
            String slug,

            @Schema(examples = "1", required = true) int version,
            @Schema(required = true) long total,

            @Schema(description = "Every state, zero when empty", required = true)
            Map<String, Long> byState,

            @Schema(description = "ACTIVE records of this version flagged for re-consent", required = true)
            long reconsentRequired) {}

    @Schema(
            name = "WithdrawalRequestCounts",
            description = "Late withdrawals (GET /api/consents/withdrawal-requests) by status")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithdrawalRequestCountsView(
            @Schema(required = true) long total,

            @Schema(description = "Every status (REFERRED, ACCEPTED, DECLINED), zero when empty", required = true)
            Map<String, Long> byStatus,

            @Schema(description = "REFERRED requests: the DPO's queue, awaiting resolution", required = true)
            long awaitingResolution,

            @Schema(description = "When the oldest request awaiting resolution was received; absent when none waits")
            Instant oldestAwaitingSince) {}
}
