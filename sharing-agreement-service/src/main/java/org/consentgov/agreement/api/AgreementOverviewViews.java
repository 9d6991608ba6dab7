package org.consentgov.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.agreement.domain.DeadlineKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response types of {@code GET /api/agreements/summary}: counts and agreement dates, no personal data. */
public final class AgreementOverviewViews {

    private AgreementOverviewViews() {}

    @Schema(
            name = "AgreementOverview",
            description =
                    "What a DPO dashboard shows of the agreements the caller may see: counts by state and the dates coming up",
            examples = """
            {"asOf": "2026-03-25T10:00:00Z", "today": "2026-03-25", "days": 90, "total": 4,
             "byState": {"DRAFT": 1, "PENDING_SIGNATURE": 0, "ACTIVE": 2, "SUSPENDED": 0, "EXPIRED": 1, "TERMINATED": 0},
             "upcoming": [
              {"id": "3f0c2a5e-8b1d-4e6f-9a7c-2d4b6e8f0a1c", "reference": "ISA-LBC-LUTON-SCHOOLS-EYES",
               "title": "EYES information sharing", "state": "ACTIVE", "kind": "REVIEW_DUE", "date": "2026-03-20",
               "daysFromNow": -5},
              {"id": "7a9b1c3d-5e7f-4a2b-8c4d-6e8f0a2b4c6d", "reference": "ISA-LBC-UOB-WIMTM",
               "title": "What It Means to Me research", "state": "ACTIVE", "kind": "ACCESS_WINDOW_ENDS",
               "date": "2026-04-30", "daysFromNow": 36}]}""")
    public record AgreementOverviewView(
            @Schema(description = "When the figures were taken", required = true)
            Instant asOf,

            @Schema(description = "Today in Europe/London: the day daysFromNow counts from", required = true)
            LocalDate today,

            @Schema(description = "The look-ahead asked for, in days", examples = "90", required = true)
            int days,

            @Schema(description = "Every agreement the caller may see: the sum of byState", required = true)
            long total,

            @Schema(
                    description =
                            "Agreements by state: every state an agreement as a whole takes (DRAFT, PENDING_SIGNATURE, ACTIVE, SUSPENDED, EXPIRED, TERMINATED), zero when empty; SUPERSEDED is a state of versions only",
                    required = true)
            Map<String, Long> byState,

            @Schema(
                    description =
                            "Dates of the agreements in force (ACTIVE or SUSPENDED) on or before today + days, by date: reviews due (overdue ones too, with a negative daysFromNow), access windows ending, last days in force",
                    required = true)
            List<AgreementDeadlineView> upcoming) {}

    @Schema(name = "AgreementDeadline", description = "A date of an agreement in force that someone has to act on")
    public record AgreementDeadlineView(
            @Schema(description = "The agreement's id", required = true)
            UUID id,

            @Schema(examples = "ISA-LBC-UOB-WIMTM", required = true)
            String reference,

            @Schema(description = "The title of the version in force", required = true)
            String title,

            @Schema(required = true) AgreementState state,

            @Schema(
                    description =
                            "REVIEW_DUE: the next review; ACCESS_WINDOW_ENDS: the day a limited recipient's access ends; EXPIRES: the last day in force",
                    required = true)
            DeadlineKind kind,

            @Schema(description = "The day, in Europe/London", required = true)
            LocalDate date,

            @Schema(description = "Days from today to the date; negative for an overdue review", required = true)
            long daysFromNow) {}
}
