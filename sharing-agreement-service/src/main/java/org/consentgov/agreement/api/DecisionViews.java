package org.consentgov.agreement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.domain.SharingPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of the sharing-decisions API. */
public final class DecisionViews {

    private DecisionViews() {}

    @Schema(
            name = "DecisionRequest",
            description =
                    "May the recipient receive these categories about this subject for this purpose at this time?",
            examples = """
            {"recipient": "university-of-bedfordshire", "categories": ["identity.date-of-birth", "special.ethnicity"],
             "subject": "nhs-number:9434765919", "purpose": "research-what-it-means-to-me", "record": true,
             "transferMethod": "system-access"}""")
    public record DecisionRequest(
            @Schema(description = "The receiving organisation's id", examples = "university-of-bedfordshire")
            @NotBlank
            @Size(max = 80)
            String recipient,

            @Schema(
                    description = "Data category codes",
                    examples = "[\"identity.date-of-birth\", \"special.ethnicity\"]")
            @NotNull
            @Size(min = 1, max = 100)
            List<@NotBlank @Size(max = 80) String> categories,

            @Schema(description = "The subject as system:value", examples = "nhs-number:9434765919")
            @NotBlank
            @Size(max = 100)
            String subject,

            @Schema(description = "Purpose code", examples = "research-what-it-means-to-me") @NotBlank @Size(max = 80)
            String purpose,

            @Schema(
                    description =
                            "Valid time: when the data would pass; default now. May be in the past (the agreement version, notice version and consent in force then, as the records stand now); at most five minutes ahead of now")
            Instant at,

            @Schema(description = "Record the disclosure, in the same transaction as a PERMIT")
            Boolean record,

            @Schema(description = "Transfer method code; required to record", examples = "system-access")
            @Size(max = 40)
            String transferMethod) {}

    @Schema(name = "SharingDecision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(
            UUID decisionId,
            SharingPolicy.Decision decision,

            @Schema(description = "Every reason for a DENY; the grounds of a PERMIT")
            List<ReasonView> reasons,

            @Schema(description = "What the recipient must do with a PERMIT")
            List<ObligationView> obligations,

            @Schema(description = "The agreement version relied on (or, for a DENY, the one that came closest)")
            AgreementRef agreement,

            NoticeRef noticeVersion,

            @Schema(description = "The consent record consent-service relied on")
            UUID consentRecordId,

            @Schema(description = "How many history entries that consent record had when consent-service answered")
            Integer consentHistoryLength,

            @Schema(description = "The disclosure recorded with this decision")
            UUID disclosureId,

            String recipient,
            @Schema(description = "Omitted for auditors") String subject,
            List<String> categories,
            String purpose,
            String transferMethod,

            @Schema(description = "Valid time: the time the question was about")
            Instant at,

            @Schema(description = "Recorded time: when it was decided, and so what the records said")
            Instant decidedAt,

            String requestedBy) {}

    @Schema(
            name = "SharingDecisionReplay",
            description =
                    "A stored decision evaluated again at its at with what was known at its decidedAt: the same agreement history, notice-service's version in force at at, consent-service's answer as recorded at decidedAt")
    public record ReplayView(
            UUID decisionId,
            @Schema(description = "Valid time evaluated") Instant at,

            @Schema(description = "Recorded time the records were read as of: the decision's decidedAt")
            Instant knownAt,

            @Schema(description = "Whether outcome, reasons and the versions and record relied on are all the same")
            boolean matches,

            @Schema(description = "The decision as it was stored")
            ReplayedDecision original,

            @Schema(description = "The decision as evaluated again")
            ReplayedDecision replayed) {}

    @Schema(name = "ReplayedDecision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplayedDecision(
            SharingPolicy.Decision decision,
            List<ReasonView> reasons,
            List<ObligationView> obligations,
            AgreementRef agreement,
            NoticeRef noticeVersion,
            UUID consentRecordId,
            Integer consentHistoryLength) {}

    @Schema(name = "DecisionReason")
    public record ReasonView(
            @Schema(examples = "access-window-ended") String code, String message) {}

    @Schema(name = "Obligation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObligationView(
            @Schema(examples = "no-paper-copies") String code,
            String description,

            @Schema(description = "Until when, for obligations with an end")
            Instant until) {}

    @Schema(name = "DecisionAgreement")
    public record AgreementRef(UUID id, String reference, int version) {}

    @Schema(name = "DecisionNoticeVersion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeRef(String slug, int version, String contentHash) {}
}
