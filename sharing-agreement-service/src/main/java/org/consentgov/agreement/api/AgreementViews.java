package org.consentgov.agreement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.domain.AfterAccess;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.agreement.domain.PartyRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of the agreements API. */
public final class AgreementViews {

    static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._/-]{1,79}";

    private AgreementViews() {}

    @Schema(
            name = "CreateAgreementRequest",
            examples = "{\"reference\": \"ISA-WIMTM-2025\", \"content\": " + AgreementContent.EXAMPLE + "}")
    public record CreateAgreementRequest(
            @Schema(
                    description = "The agreement's reference; unique among agreements whose dates overlap",
                    examples = "ISA-WIMTM-2025")
            @NotBlank
            @Pattern(regexp = REFERENCE, message = "2 to 80 letters, digits and . _ / -")
            String reference,

            @NotNull @Valid AgreementContent content) {}

    @Schema(
            name = "DraftRequest",
            description = "The whole content of a draft version",
            examples = "{\"content\": " + AgreementContent.EXAMPLE + "}")
    public record DraftRequest(@NotNull @Valid AgreementContent content) {}

    @Schema(
            name = "VariationRequest",
            description = "Starts a variation: a new draft version, a copy of the latest unless content is sent",
            examples = "{\"reason\": \"extend the research access to a second cohort\"}")
    public record VariationRequest(
            @Valid AgreementContent content,

            @Schema(examples = "extend the research access to a second cohort") @Size(max = 1000)
            String reason) {}

    @Schema(name = "SignRequest", description = "A signature of the version put up for signature", examples = """
            {"version": 1, "contentHash": "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8"}""")
    public record SignRequest(
            @Schema(description = "The version being signed", examples = "1") @NotNull @Min(1)
            Integer version,

            @Schema(
                    description = "The SHA-256 of the content the signatory read; refused if it is not the version's",
                    examples = "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8")
            @Pattern(regexp = "[0-9a-f]{64}", message = "64 lower-case hex digits")
            String contentHash) {}

    @Schema(name = "ReasonRequest", examples = "{\"reason\": \"the university reported a security incident\"}")
    public record ReasonRequest(
            @Schema(examples = "the university reported a security incident") @NotBlank @Size(max = 1000)
            String reason) {}

    @Schema(name = "ReviewRequest", examples = "{\"note\": \"reviewed with both parties; no change needed\"}")
    public record ReviewRequest(
            @Schema(examples = "reviewed with both parties; no change needed") @NotBlank @Size(max = 1000)
            String note) {}

    @Schema(name = "AgreementSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgreementSummaryView(
            UUID id,
            String reference,
            String title,
            AgreementState state,
            Integer effectiveVersion,
            Integer openVersion,
            int latestVersion,
            List<String> parties,
            LocalDate startDate,
            LocalDate endDate,
            LocalDate nextReviewOn,

            @Schema(description = "A material change of a linked notice flagged it for review since its last review")
            boolean reviewRequired) {}

    @Schema(
            name = "Agreement",
            description = "An agreement and one of its versions: the one in force unless another is asked for")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgreementView(
            UUID id,
            String reference,

            @Schema(description = "The agreement's state as a whole")
            AgreementState state,

            @Schema(description = "The version shown") int version,
            AgreementState versionState,
            String title,
            AgreementContent content,

            @Schema(description = "SHA-256 of the canonical content, fixed when put up for signature")
            String contentHash,

            Instant effectiveFrom,
            Instant activatedAt,
            Instant endedAt,
            List<PartyView> parties,

            @Schema(description = "Parties that have not signed the version shown yet")
            List<String> awaitingSignature,

            @Schema(description = "The version in force, or last in force")
            Integer effectiveVersion,

            @Schema(description = "A variation or first version being drafted or signed")
            Integer openVersion,

            int latestVersion,
            AccessWindowView accessWindow,
            LocalDate nextReviewOn,

            @Schema(
                    description =
                            "A material change of a notice the version in force links flagged it for the DPO's review; the next review clears it")
            boolean reviewRequired,

            @Schema(description = "The material notice changes that flagged it since its last review, oldest first")
            List<NoticeChangeView> reviewNoticeChanges,

            List<VersionSummaryView> versions,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy,
            @Schema(hidden = true) long rowVersion) {}

    @Schema(name = "AgreementPartyStatus")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyView(
            String organisation,
            String name,
            String type,
            PartyRole role,
            boolean signed,
            String signedBy,
            Instant signedAt) {}

    @Schema(name = "AccessWindow", description = "When the limited recipients' access started and ends")
    public record AccessWindowView(List<String> recipients, Instant startsAt, Instant endsAt, AfterAccess after) {}

    @Schema(name = "AgreementVersionSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionSummaryView(
            int number,
            AgreementState state,
            String title,
            String contentHash,
            LocalDate startDate,
            LocalDate endDate,
            Instant effectiveFrom,
            Instant activatedAt,
            Instant endedAt) {}

    @Schema(name = "AgreementHistoryEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntryView(
            int version,
            String action,
            AgreementState fromState,
            AgreementState toState,
            String actor,
            String actorOrg,
            Instant at,
            String reason,
            String contentHash) {}

    @Schema(name = "AgreementEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(
            UUID id,
            String type,
            String aggregateType,
            UUID aggregateId,
            UUID agreementId,
            Instant occurredAt,
            String actor,
            JsonNode payload) {}

    @Schema(name = "AgreementNoticeChange", description = "A material change of a linked notice")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeChangeView(
            @Schema(description = "The notice's slug", examples = "what-it-means-to-me")
            String notice,

            @Schema(description = "The version the agreement's version in force links", examples = "1")
            int linkedVersion,

            @Schema(description = "The published version notice-service compared with", examples = "1")
            Integer previousVersion,

            @Schema(description = "The new version, materially different", examples = "2")
            int version,

            @Schema(description = "What changed materially", examples = "[\"purpose added: evaluation\"]")
            List<String> reasons,

            @Schema(description = "The notice-service event that said so")
            String noticeEventId,

            Instant flaggedAt) {}
}
