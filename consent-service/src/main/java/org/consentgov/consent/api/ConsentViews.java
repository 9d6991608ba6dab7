package org.consentgov.consent.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.Capacity;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response types of the consent API. Entities are never serialised. */
public final class ConsentViews {

    private ConsentViews() {
    }

    @Schema(name = "Identifier", description = "An external identifier of a subject")
    public record IdentifierView(
            @Schema(examples = "nhs-number") String system,
            @Schema(examples = "9434765919") String value) {
    }

    @Schema(name = "NoticeRef", description = "The notice version a consent is pinned to")
    public record NoticeRef(
            @Schema(examples = "what-it-means-to-me") String slug,
            @Schema(examples = "1") int version,
            @Schema(description = "SHA-256 of the notice version's canonical content") String contentHash) {
    }

    @Schema(name = "Party", description = "One person or body who decided, and their own decision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyView(
            @Schema(description = "Party role code: child, parent, carer, guardian, local-authority", examples = "child") String role,
            @Schema(examples = "mother") String relationship,
            Decision decision,
            @Schema(description = "For the child: the caseworker's capacity assessment") Capacity capacity,
            String assessedBy,
            LocalDate assessedOn,
            @Schema(description = "The day this party signed or answered") LocalDate decidedOn) {
    }

    @Schema(name = "ConsentRecord")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentRecordView(
            UUID id,
            UUID subjectId,
            @Schema(description = "Only for roles that need them") List<IdentifierView> subjectIdentifiers,
            NoticeRef notice,
            @Schema(description = "Purpose codes consented to") List<String> purposes,
            @Schema(description = "Data category codes covered") List<String> dataCategories,
            @Schema(description = "GIVEN unless the child or a required party refused") Decision decision,
            ConsentState state,
            @Schema(description = "True when ACTIVE and every party the notice requires has given consent") boolean effective,
            @Schema(description = "Required parties whose consent is still missing", examples = "[\"parent-or-carer\"]") List<String> missingParties,
            List<PartyView> parties,
            @Schema(examples = "paper-form") String collectionMethod,
            LocalDate formIssuedOn,
            LocalDate formReceivedOn,
            String evidenceReference,
            String recordedBy,
            String recordedOrg,
            Instant recordedAt,
            @Schema(description = "Last day on which withdrawal is accepted at once (Europe/London); absent means any time") LocalDate withdrawalWindowEndsOn,
            @Schema(description = "The notice changed materially since; ask again") boolean reconsentRequired,
            Instant effectiveFrom,
            Instant endedAt,
            @JsonIgnore long rowVersion) {
    }

    @Schema(name = "Subject")
    public record SubjectView(UUID id, LocalDate dateOfBirth, List<IdentifierView> identifiers, Instant createdAt,
            @JsonIgnore long rowVersion) {
    }

    @Schema(name = "HistoryEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntryView(int seq, String event, ConsentState from, ConsentState to, String actor, Instant at,
            String reason, String prevHash, String hash) {
    }

    @Schema(name = "HistoryVerification")
    public record VerificationView(UUID recordId, boolean valid, int entries, List<String> problems) {
    }

    @Schema(name = "CheckResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckView(
            @Schema(description = "Whether an effective consent covers the purpose at that time") boolean consented,
            String notice, String purpose, Instant at, List<String> reasons,
            @Schema(description = "The record relied on") UUID recordId,
            NoticeRef noticeVersion,
            ConsentState state,
            Boolean reconsentRequired) {
    }

    @Schema(name = "WithdrawalRequest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithdrawalRequestView(UUID id, UUID recordId, String requestedBy, String channel, String reason,
            Instant receivedAt, LocalDate windowEndedOn, String status, String recordedBy, String resolvedBy,
            Instant resolvedAt, String resolutionNote) {
    }

    @Schema(name = "WithdrawalOutcome")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithdrawalOutcome(
            @Schema(description = "WITHDRAWN at once, or REFERRED to the DPO") String outcome,
            ConsentRecordView record,
            WithdrawalRequestView request) {
    }
}
