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

    private ConsentViews() {}

    @Schema(name = "Identifier", description = "An external identifier of a subject")
    public record IdentifierView(
            @Schema(examples = "nhs-number") String system,
            @Schema(examples = "9434765919") String value) {}

    @Schema(name = "NoticeRef", description = "The notice version a consent is pinned to")
    public record NoticeRef(
            @Schema(examples = "what-it-means-to-me") String slug,
            @Schema(examples = "1") int version,

            @Schema(description = "SHA-256 of the notice version's canonical content")
            String contentHash) {}

    @Schema(name = "Party", description = "One person or body who decided, and their own decision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyView(
            @Schema(
                    description = "Party role code: child, parent, carer, guardian, local-authority",
                    examples = "child")
            String role,

            @Schema(examples = "mother") String relationship,
            Decision decision,

            @Schema(description = "For the child: the caseworker's capacity assessment")
            Capacity capacity,

            String assessedBy,
            LocalDate assessedOn,

            @Schema(description = "The day this party signed or answered")
            LocalDate decidedOn) {}

    @Schema(name = "ConsentRecord", examples = """
            {"id": "0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10", "subjectId": "5d0c7e4a-2b1f-4c3d-8e9f-a0b1c2d3e4f5",
             "notice": {"slug": "what-it-means-to-me", "version": 1, "contentHash": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"},
             "purposes": ["research-what-it-means-to-me"], "decision": "GIVEN", "state": "ACTIVE", "effective": true,
             "missingParties": [],
             "parties": [{"role": "child", "decision": "GIVEN", "capacity": "NOT_ASSESSED", "decidedOn": "2026-03-02"},
               {"role": "parent", "relationship": "mother", "decision": "GIVEN", "decidedOn": "2026-03-02"}],
             "collectionMethod": "PAPER_FORM", "formIssuedOn": "2026-02-24", "formReceivedOn": "2026-03-03", "givenOn": "2026-03-02",
             "evidenceReference": "EYES document 12345", "recordedBy": "caseworker", "recordedOrg": "luton-council",
             "recordedAt": "2026-03-03T14:05:00Z", "withdrawalWindowEndsOn": "2026-03-17", "reconsentRequired": false,
             "effectiveFrom": "2026-03-02T00:00:00Z", "historyLength": 1}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentRecordView(
            UUID id,
            UUID subjectId,

            @Schema(description = "Only for roles that need them")
            List<IdentifierView> subjectIdentifiers,

            NoticeRef notice,

            @Schema(description = "Purpose codes consented to")
            List<String> purposes,

            @Schema(description = "Data category codes covered")
            List<String> dataCategories,

            @Schema(description = "GIVEN unless the child or a required party refused")
            Decision decision,

            ConsentState state,

            @Schema(description = "True when ACTIVE and every party the notice requires has given consent")
            boolean effective,

            @Schema(description = "Required parties whose consent is still missing", examples = "[\"parent-or-carer\"]")
            List<String> missingParties,

            List<PartyView> parties,
            @Schema(examples = "paper-form") String collectionMethod,
            LocalDate formIssuedOn,
            LocalDate formReceivedOn,

            @Schema(
                    description =
                            "The day the form was signed (valid time); the record counts from the start of it, Europe/London")
            LocalDate givenOn,

            String evidenceReference,
            String recordedBy,
            String recordedOrg,

            @Schema(description = "When the service recorded it (recorded time)")
            Instant recordedAt,

            @Schema(
                    description =
                            "Last day on which withdrawal is accepted at once (Europe/London); absent means any time")
            LocalDate withdrawalWindowEndsOn,

            @Schema(description = "The notice changed materially since; ask again")
            boolean reconsentRequired,

            @Schema(
                    description =
                            "Valid time: from when the record counts (start of givenOn, or of the missing party's decision)")
            Instant effectiveFrom,

            @Schema(
                    description =
                            "Valid time: from when it no longer counts (withdrawn, superseded, invalidated, expired)")
            Instant endedAt,

            @Schema(
                    description =
                            "The first instant it no longer counts because the notice's consentDuration has run out; absent: no end of its own")
            Instant expiresAt,

            @Schema(description = "Once withdrawn: the day the child or parent asked (Europe/London)")
            LocalDate withdrawalRequestedOn,

            @Schema(description = "How many history entries the record has")
            int historyLength,

            @JsonIgnore long rowVersion) {}

    @Schema(name = "Subject", examples = """
            {"id": "5d0c7e4a-2b1f-4c3d-8e9f-a0b1c2d3e4f5", "dateOfBirth": "2013-11-20",
             "identifiers": [{"system": "nhs-number", "value": "9990000018"}], "createdAt": "2026-03-03T14:05:00Z"}""")
    public record SubjectView(
            UUID id,
            LocalDate dateOfBirth,
            List<IdentifierView> identifiers,
            Instant createdAt,
            @JsonIgnore long rowVersion) {}

    @Schema(name = "HistoryEntry", examples = """
            {"seq": 1, "event": "RECORDED", "to": "ACTIVE", "actor": "caseworker", "at": "2026-03-03T14:05:00Z",
             "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
             "hash": "4b7e1f0c2a9d8e3f5c6b7a8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntryView(
            int seq,
            String event,
            ConsentState from,
            ConsentState to,
            String actor,
            Instant at,
            String reason,
            String prevHash,
            String hash) {}

    @Schema(name = "HistoryVerification", examples = """
            {"recordId": "0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10", "valid": true, "entries": 3, "problems": []}""")
    public record VerificationView(UUID recordId, boolean valid, int entries, List<String> problems) {}

    @Schema(name = "CheckResult", examples = """
            {"consented": true, "notice": "what-it-means-to-me", "purpose": "research-what-it-means-to-me",
             "at": "2026-03-10T09:00:00Z", "knownAt": "2026-03-10T09:00:00Z", "reasons": ["an effective consent covers the purpose"],
             "recordId": "0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10",
             "noticeVersion": {"slug": "what-it-means-to-me", "version": 1, "contentHash": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"},
             "state": "ACTIVE", "reconsentRequired": false, "historyLength": 1}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckView(
            @Schema(description = "Whether an effective consent covers the purpose at that time")
            boolean consented,

            String notice,
            String purpose,
            Instant at,
            List<String> reasons,
            @Schema(description = "The record relied on") UUID recordId,
            NoticeRef noticeVersion,
            ConsentState state,
            Boolean reconsentRequired,

            @Schema(description = "Recorded time the answer was computed at: what the service had recorded then")
            Instant knownAt,

            @Schema(
                    description =
                            "The relied-on record's history length as known at knownAt, to cite exactly the record state relied on")
            Integer historyLength,

            @Schema(description = "When the relied-on record expires (or expired), if its notice sets a duration")
            Instant expiresAt) {}

    @Schema(name = "WithdrawalRequest", examples = """
            {"id": "6e5d4c3b-2a19-4f8e-8d7c-6b5a49382716", "recordId": "0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10",
             "requestedBy": "child", "channel": "told their caseworker", "reason": "changed their mind",
             "receivedAt": "2026-03-25T10:00:00Z", "requestedOn": "2026-03-24", "windowEndedOn": "2026-03-17", "status": "REFERRED", "recordedBy": "caseworker"}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithdrawalRequestView(
            UUID id,
            UUID recordId,
            String requestedBy,
            String channel,
            String reason,

            @Schema(description = "When it was keyed (recorded time)")
            Instant receivedAt,

            @Schema(description = "The day the child or parent asked (valid time, Europe/London)")
            LocalDate requestedOn,

            LocalDate windowEndedOn,
            String status,
            String recordedBy,
            String resolvedBy,
            Instant resolvedAt,
            String resolutionNote) {}

    @Schema(name = "WithdrawalOutcome", examples = """
            {"outcome": "WITHDRAWN",
             "record": {"id": "0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10", "subjectId": "5d0c7e4a-2b1f-4c3d-8e9f-a0b1c2d3e4f5",
               "notice": {"slug": "what-it-means-to-me", "version": 1, "contentHash": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"},
               "purposes": ["research-what-it-means-to-me"], "decision": "GIVEN", "state": "WITHDRAWN", "effective": false,
               "parties": [{"role": "child", "decision": "GIVEN", "decidedOn": "2026-03-02"}],
               "collectionMethod": "PAPER_FORM", "formReceivedOn": "2026-03-03", "recordedBy": "caseworker",
               "recordedAt": "2026-03-03T14:05:00Z", "withdrawalWindowEndsOn": "2026-03-17", "reconsentRequired": false,
               "endedAt": "2026-03-10T09:00:00Z"}}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithdrawalOutcome(
            @Schema(description = "WITHDRAWN at once, or REFERRED to the DPO")
            String outcome,

            ConsentRecordView record,
            WithdrawalRequestView request) {}
}
