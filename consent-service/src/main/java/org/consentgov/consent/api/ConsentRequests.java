package org.consentgov.consent.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.Capacity;
import org.consentgov.consent.domain.Decision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the consent API. */
public final class ConsentRequests {

    static final String CODE = "[a-z0-9][a-z0-9.-]{0,79}";

    private ConsentRequests() {}

    public enum CollectionMethod {
        PAPER_FORM,
        ELECTRONIC_FORM,
        IN_PERSON,
        CASE_MANAGEMENT_IMPORT
    }

    @Schema(name = "IdentifierRequest")
    public record IdentifierRequest(
            @Schema(description = "nhs-number, upn, ni-number or case-management-id", examples = "nhs-number")
            @NotBlank
            @Size(max = 40)
            String system,

            @Schema(examples = "943 476 5919") @NotBlank @Size(max = 64)
            String value) {}

    @Schema(
            name = "SubjectRequest",
            description = "The person the consent is about: identifiers and date of birth, no names",
            examples = """
            {"identifiers": [{"system": "nhs-number", "value": "9990000018"}], "dateOfBirth": "2013-11-20"}""")
    public record SubjectRequest(
            @NotEmpty @Size(max = 4) List<@NotNull @Valid IdentifierRequest> identifiers,
            @Schema(examples = "2012-05-04") @NotNull LocalDate dateOfBirth) {}

    @Schema(name = "NoticeRefRequest", description = "The published notice version shown to the family")
    public record NoticeRefRequest(
            @Schema(examples = "what-it-means-to-me")
            @NotBlank
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*")
            @Size(max = 80)
            String slug,

            @Schema(examples = "1") @NotNull @Positive Integer version,

            @Schema(description = "SHA-256 of the version's canonical content, as notice-service publishes it")
            @NotBlank
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits")
            String contentHash) {}

    @Schema(name = "PartyRequest", examples = """
            {"role": "parent", "relationship": "mother", "decision": "GIVEN", "decidedOn": "2026-03-02"}""")
    public record PartyRequest(
            @Schema(description = "child, parent, carer, guardian or local-authority", examples = "child")
            @NotBlank
            @Pattern(regexp = CODE)
            String role,

            @Schema(examples = "mother") @Size(max = 100) String relationship,
            @NotNull Decision decision,

            @Schema(description = "Only for the child: the caseworker's capacity assessment")
            Capacity capacity,

            @Schema(description = "When the capacity was assessed")
            LocalDate assessedOn,

            @Schema(description = "The day this party signed or answered") @NotNull
            LocalDate decidedOn) {}

    @Schema(name = "RecordConsentRequest", examples = """
            {"subject": {"identifiers": [{"system": "nhs-number", "value": "9990000018"}], "dateOfBirth": "2013-11-20"},
             "notice": {"slug": "what-it-means-to-me", "version": 1, "contentHash": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"},
             "purposes": ["research-what-it-means-to-me"],
             "parties": [{"role": "child", "decision": "GIVEN", "decidedOn": "2026-03-02"},
               {"role": "parent", "relationship": "mother", "decision": "GIVEN", "decidedOn": "2026-03-02"}],
             "collectionMethod": "PAPER_FORM", "formIssuedOn": "2026-02-24", "formReceivedOn": "2026-03-03",
             "givenOn": "2026-03-02", "evidenceReference": "EYES document 12345"}""")
    public record RecordConsentRequest(
            @Schema(description = "A new or known subject; or give subjectId") @Valid
            SubjectRequest subject,

            @Schema(description = "An existing subject's internal id; or give subject")
            UUID subjectId,

            @NotNull @Valid NoticeRefRequest notice,

            @Schema(
                    description = "Purpose codes of the notice consented to",
                    examples = "[\"research-what-it-means-to-me\"]")
            @NotEmpty
            @Size(max = 50)
            List<@NotBlank @Pattern(regexp = CODE) String> purposes,

            @Schema(description = "Data category codes covered; absent means all the notice lists") @Size(max = 200)
            List<@NotBlank @Pattern(regexp = CODE) String> dataCategories,

            @NotEmpty @Size(max = 10) List<@NotNull @Valid PartyRequest> parties,
            @NotNull CollectionMethod collectionMethod,

            @Schema(
                    description =
                            "The day the form was issued to the family; required when the notice's withdrawal window counts from issue (FORM_ISSUED)")
            LocalDate formIssuedOn,

            @NotNull LocalDate formReceivedOn,

            @Schema(description = "Where the signed form is kept", examples = "EYES document 12345") @Size(max = 200)
            String evidenceReference,

            @Schema(
                    description =
                            "The day the form was signed (valid time): the consent counts from the start of this day (Europe/London) and is pinned to the notice version in force on it. Absent: formReceivedOn. Not in the future, not after formReceivedOn, not before formIssuedOn",
                    examples = "2026-03-02")
            LocalDate givenOn) {}

    @Schema(name = "WithdrawRequest", examples = """
            {"requestedBy": "child", "channel": "told their caseworker", "reason": "changed their mind",
             "requestedOn": "2026-03-14"}""")
    public record WithdrawRequest(
            @Schema(description = "Who asks: a party role", examples = "child") @NotBlank @Pattern(regexp = CODE)
            String requestedBy,

            @Schema(examples = "told their caseworker") @Size(max = 100)
            String channel,

            @Schema(description = "Why; required when requestedOn is before today") @Size(max = 1000)
            String reason,

            @Schema(
                    description =
                            "The day the child or parent asked (Europe/London), which the withdrawal window is measured to; absent: today. Not in the future, not before the form was signed or received; an earlier day than today needs a reason",
                    examples = "2026-03-14")
            LocalDate requestedOn) {}

    @Schema(name = "ResolveWithdrawalRequest", examples = """
            {"decision": "ACCEPT", "note": "The child was not told about the window; withdrawn as asked"}""")
    public record ResolveWithdrawalRequest(
            @NotNull Resolution decision,
            @NotBlank @Size(max = 1000) String note) {}

    public enum Resolution {
        ACCEPT,
        DECLINE
    }

    @Schema(name = "InvalidateRequest", examples = "{\"reason\": \"Recorded against the wrong child\"}")
    public record InvalidateRequest(
            @NotBlank @Size(max = 1000) String reason) {}
}
