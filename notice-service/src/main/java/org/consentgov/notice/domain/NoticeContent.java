package org.consentgov.notice.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a privacy notice says, structured (DESIGN §5). Codes refer to the shared vocabulary; free text
 * is English and carries the notice's own words. The text a reader sees in each language, and the
 * child-friendly summary, live in {@link #locales()}. The SHA-256 of a published version is taken
 * over the canonical JSON of this whole record, so every language is covered by the hash.
 */
@Schema(name = "NoticeContent", description = "The structured content of one notice version")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeContent(
        @Schema(description = "Locale of the authoritative text", examples = "en")
        @NotBlank
        @Pattern(regexp = Text.LOCALE, message = "must be a language tag such as en or cy-GB")
        String defaultLocale,

        @Schema(description = "The rendered text per locale: title, summary, sections and the child-friendly summary")
        @NotEmpty
        @Size(max = 20)
        Map<
                        @Pattern(regexp = Text.LOCALE, message = "must be a language tag such as en or cy-GB") String,
                        @NotNull @Valid LocalisedText>
                locales,

        @Schema(description = "Controllers and joint controllers") @NotEmpty @Size(max = 20)
        List<@NotNull @Valid Controller> controllers,

        @Schema(description = "How to reach the data protection officer") @NotNull @Valid
        DpoContact dpo,

        @Schema(description = "Why the data is used") @NotEmpty @Size(max = 100)
        List<@NotNull @Valid Purpose> purposes,

        @Schema(
                description = "Data category codes from the vocabulary",
                examples = "[\"identity.date-of-birth\", \"special.ethnicity\"]")
        @NotEmpty
        @Size(max = 200)
        List<@NotBlank @Size(max = 80) String> dataCategories,

        @Schema(description = "Whose data it is, e.g. children and young people, parents/carers") @Size(max = 50)
        List<@NotBlank @Size(max = Text.SHORT) String> dataSubjects,

        @Schema(description = "Where the data comes from") @NotEmpty @Size(max = 50)
        List<@NotNull @Valid Source> sources,

        @Schema(description = "Lawful bases, per kind of data") @NotEmpty @Size(max = 50)
        List<@NotNull @Valid LawfulBasisUse> lawfulBases,

        @Schema(
                description =
                        "Consent terms, when the notice asks for consent (for research participation or as the lawful basis)")
        @Valid
        ConsentTerms consent,

        @Schema(description = "Who the data is shared with") @Size(max = 200)
        List<@NotNull @Valid Recipient> recipients,

        @Schema(description = "Why the data is shared, in the notice's words") @Size(max = 50)
        List<@NotBlank @Size(max = Text.MEDIUM) String> sharingReasons,

        @Schema(description = "Transfers outside the UK") @NotNull @Valid
        InternationalTransfers internationalTransfers,

        @Schema(description = "How long the data is kept") @NotNull @Valid
        Retention retention,

        @Schema(description = "Automated decision making and profiling") @NotNull @Valid
        AutomatedDecisionMaking automatedDecisionMaking,

        @Schema(description = "Right codes from the vocabulary", examples = "[\"access\", \"rectification\"]")
        @NotEmpty
        @Size(max = 20)
        List<@NotBlank @Size(max = 80) String> rights,

        @Schema(description = "Security measures and safeguards") @Size(max = 50)
        List<@NotNull @Valid SecurityMeasure> securityMeasures,

        @Schema(description = "Transfer methods allowed and forbidden") @Valid
        TransferMethods transferMethods,

        @Schema(
                description =
                        "Time-limited access terms, e.g. researcher access for up to six months, then an anonymised dataset")
        @Size(max = 20)
        List<@NotNull @Valid AccessTerm> accessTerms,

        @Schema(description = "The legal framework the notice relies on") @Size(max = 50)
        List<@NotNull @Valid LegalReference> legalFramework) {

    /** Size limits shared by the text fields. */
    public static final class Text {
        public static final String LOCALE = "[a-z]{2,3}(-[A-Z]{2})?";
        public static final String CODE = "[a-z0-9][a-z0-9.-]{0,79}";
        public static final int SHORT = 200;
        public static final int MEDIUM = 2000;
        public static final int LONG = 20000;

        private Text() {}
    }

    @Schema(name = "LocalisedText", description = "The notice as a reader sees it in one language")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocalisedText(
            @NotBlank @Size(max = Text.SHORT) String title,
            @Size(max = Text.MEDIUM) String summary,
            @NotEmpty @Size(max = 60) List<@NotNull @Valid Section> sections,

            @Schema(description = "The child-friendly summary layer, in plain words") @Size(max = 30)
            List<@NotNull @Valid Section> childSummary) {}

    @Schema(name = "NoticeSection")
    public record Section(
            @Schema(examples = "who-we-are") @NotBlank @Pattern(regexp = Text.CODE)
            String id,

            @Schema(examples = "Who we are") @NotBlank @Size(max = Text.SHORT)
            String heading,

            @NotBlank @Size(max = Text.LONG) String body) {}

    @Schema(name = "Controller")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Controller(
            @NotBlank @Size(max = Text.SHORT) String name,
            @NotNull ControllerRole role,

            @Schema(description = "Organisation id in sharing-agreement-service", examples = "luton-council")
            @Pattern(regexp = Text.CODE)
            String organisationId,

            @Size(max = Text.MEDIUM) String address,
            @Size(max = Text.MEDIUM) String description) {}

    public enum ControllerRole {
        CONTROLLER,
        JOINT_CONTROLLER
    }

    @Schema(name = "DpoContact")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DpoContact(
            @Size(max = Text.SHORT) String name,

            @Size(max = 254) @jakarta.validation.constraints.Email
            String email,

            @Size(max = Text.MEDIUM) String address,
            @Size(max = Text.MEDIUM) String description) {}

    @Schema(name = "Purpose")
    public record Purpose(
            @Schema(description = "Purpose code from the vocabulary") @NotBlank @Pattern(regexp = Text.CODE)
            String code,

            @Schema(description = "The notice's own words") @NotBlank @Size(max = Text.MEDIUM)
            String description) {}

    @Schema(name = "Source")
    public record Source(@NotBlank @Size(max = Text.MEDIUM) String description) {}

    /** One lawful basis, and the kind of data it is relied on for. */
    @Schema(name = "LawfulBasisUse")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LawfulBasisUse(
            @Schema(description = "The kind of data this basis covers") @NotNull
            DataKind appliesTo,

            @Schema(description = "Lawful basis code from the vocabulary", examples = "uk-gdpr-6-1-e")
            @NotBlank
            @Pattern(regexp = Text.CODE)
            String basis,

            @Schema(description = "The statute relied on", examples = "Children Act 1989 s17") @Size(max = Text.SHORT)
            String statute,

            @Schema(
                    description = "Which part of the processing, when not all",
                    examples = "Regional sufficiency project")
            @Size(max = Text.SHORT)
            String scope,

            @NotBlank @Size(max = Text.MEDIUM) String description) {}

    public enum DataKind {
        PERSONAL,
        SPECIAL,
        CRIMINAL
    }

    /** Who must agree, and how a consent can be withdrawn. */
    @Schema(name = "ConsentTerms")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentTerms(
            @Schema(description = "Party role codes whose consent is always required", examples = "[\"child\"]")
            @NotEmpty
            @Size(max = 5)
            List<@NotBlank @Pattern(regexp = Text.CODE) String> requiredParties,

            @Schema(description = "When a parent or carer must also consent") @NotNull
            ParentalConsent parentOrCarer,

            @Schema(description = "With UNDER_AGE: the age below which a parent or carer must consent") @Min(1) @Max(25)
            Integer parentOrCarerUnderAge,

            @Schema(
                    description =
                            "Days after the consent form is received within which consent can be withdrawn; absent means any time",
                    examples = "14")
            @Min(1)
            @Max(3650)
            Integer withdrawalWindowDays,

            @Schema(description = "What the window counts from")
            WindowStart withdrawalWindowStartsOn,

            @Schema(description = "How to withdraw, in the notice's words") @Size(max = 10)
            List<@NotBlank @Size(max = Text.SHORT) String> withdrawalChannels,

            @Schema(description = "What withdrawal does and does not undo") @NotBlank @Size(max = Text.MEDIUM)
            String effectOfWithdrawal,

            @Size(max = Text.MEDIUM) String description,

            @Schema(
                    description =
                            "How long a consent lasts, as an ISO-8601 period counted from the day the form was signed"
                                    + " (the last day is included, in Europe/London); absent means no end of its own",
                    examples = "P1Y")
            @Size(max = 20)
            @Pattern(regexp = "P([0-9]{1,4}[YMWD]){1,4}", message = "must be an ISO-8601 period such as P1Y or P6M")
            String consentDuration,

            @Schema(
                    description =
                            "True when consent lasts until the sharing agreement's access ends; not with consentDuration."
                                    + " consent-service sets no end date for it: sharing decisions refuse after the agreement's access window")
            Boolean consentEndsWithAgreementAccess) {}

    public enum ParentalConsent {
        /** A parent or carer always consents too. */
        ALWAYS,
        /** Below {@code parentOrCarerUnderAge}. */
        UNDER_AGE,
        /** When the child is not assessed as competent to decide alone (Gillick), as recorded by a caseworker. */
        WHERE_NEEDED,
        NEVER
    }

    public enum WindowStart {
        FORM_RECEIVED,
        FORM_ISSUED
    }

    @Schema(name = "Recipient")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(
            @Schema(examples = "University of Bedfordshire") @NotBlank @Size(max = Text.SHORT)
            String name,

            @Schema(description = "Organisation type code from the vocabulary", examples = "university")
            @NotBlank
            @Pattern(regexp = Text.CODE)
            String organisationType,

            @Schema(
                    description = "Organisation id in sharing-agreement-service",
                    examples = "university-of-bedfordshire")
            @Pattern(regexp = Text.CODE)
            String organisationId,

            @NotNull RecipientRole role,
            @Size(max = Text.MEDIUM) String description) {}

    public enum RecipientRole {
        CONTROLLER,
        JOINT_CONTROLLER,
        PROCESSOR,
        RECIPIENT
    }

    @Schema(name = "InternationalTransfers")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InternationalTransfers(
            @NotNull Boolean occurs,
            @Size(max = Text.MEDIUM) String description,
            @Size(max = Text.MEDIUM) String safeguards) {}

    @Schema(name = "Retention")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Retention(
            @NotBlank @Size(max = Text.MEDIUM) String description,
            @Size(max = Text.SHORT) String period) {}

    @Schema(name = "AutomatedDecisionMaking")
    public record AutomatedDecisionMaking(
            @NotNull Boolean used,
            @NotBlank @Size(max = Text.MEDIUM) String description) {}

    @Schema(name = "SecurityMeasure")
    public record SecurityMeasure(
            @Schema(description = "Security measure code from the vocabulary") @NotBlank @Pattern(regexp = Text.CODE)
            String code,

            @NotBlank @Size(max = Text.MEDIUM) String description) {}

    @Schema(name = "TransferMethods")
    public record TransferMethods(
            @Size(max = 10) List<@NotBlank @Pattern(regexp = Text.CODE) String> allowed,
            @Size(max = 10) List<@NotBlank @Pattern(regexp = Text.CODE) String> forbidden) {}

    @Schema(name = "AccessTerm")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessTerm(
            @NotBlank @Size(max = Text.SHORT) String recipient,

            @Schema(description = "Months of access to identifiable data", examples = "6") @NotNull @Min(1) @Max(120)
            Integer maxMonths,

            @Schema(description = "What happens when access ends") @NotNull
            AccessEnd then,

            @NotBlank @Size(max = Text.MEDIUM) String description) {}

    public enum AccessEnd {
        ANONYMISED_DATASET,
        DESTROYED,
        RETURNED
    }

    @Schema(name = "LegalReference")
    public record LegalReference(
            @Schema(description = "Legal instrument code from the vocabulary") @NotBlank @Pattern(regexp = Text.CODE)
            String code,

            @NotBlank @Size(max = Text.MEDIUM) String description) {}
}
