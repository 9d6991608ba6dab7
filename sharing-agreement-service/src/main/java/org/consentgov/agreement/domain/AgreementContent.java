package org.consentgov.agreement.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.consentgov.platform.vocabulary.CategoryKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an information-sharing agreement says, after the ICO Data Sharing Code: who shares with whom and in
 * which role, why, what data about whom, on which lawful bases and legal framework, under which privacy
 * notices and consent, how it travels and is protected, how long the recipient may use it, and when the
 * agreement starts, ends and is reviewed. Codes come from the shared vocabulary ({@code /public/vocabulary}).
 */
@Schema(name = "AgreementContent", description = "The terms of one version of an information-sharing agreement")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementContent(
        @Schema(examples = "What It Means to Me research project: information sharing agreement")
        @NotBlank
        @Size(max = 200)
        String title,

        @Size(max = 4000) String summary,

        @Schema(description = "Every organisation that takes part; each one signs") @NotNull @Size(min = 2, max = 50)
        List<@NotNull @Valid Party> parties,

        @Schema(description = "Purpose codes", examples = "[\"research-what-it-means-to-me\"]")
        @NotNull
        @Size(min = 1, max = 50)
        List<@NotBlank @Size(max = 80) String> purposes,

        @Schema(description = "Data category codes", examples = "[\"identity.date-of-birth\", \"special.ethnicity\"]")
        @NotNull
        @Size(min = 1, max = 200)
        List<@NotBlank @Size(max = 80) String> dataCategories,

        @Schema(description = "Groups of people the data is about") @NotNull @Size(min = 1, max = 50)
        List<@NotBlank @Size(max = 500) String> dataSubjects,

        @Schema(
                description =
                        "Lawful bases, each for a kind of data: PERSONAL (Art 6), SPECIAL (Art 9), CRIMINAL (Art 10)")
        @NotNull
        @Size(min = 1, max = 50)
        List<@NotNull @Valid LawfulBasisUse> lawfulBases,

        @Size(max = 50) List<@NotNull @Valid LegalReference> legalFramework,

        @Schema(description = "Published privacy notice versions that tell families about this sharing") @Size(max = 20)
        List<@NotNull @Valid NoticeLink> linkedNotices,

        @NotNull @Valid ConsentRequirement consent,
        @NotNull @Valid Transfer transfer,
        @Size(max = 50) List<@NotNull @Valid SecurityRequirement> securityRequirements,

        @Schema(description = "A time limit on a recipient's access, e.g. six months then an anonymised dataset") @Valid
        AccessLimit accessLimit,

        @NotNull @Valid Retention retention,
        @Schema(examples = "2025-09-01") @NotNull LocalDate startDate,

        @Schema(description = "Last day of the agreement; none for open-ended", examples = "2027-08-31")
        LocalDate endDate,

        @Schema(description = "Months between reviews", examples = "12") @NotNull @Min(1) @Max(60)
        Integer reviewCycleMonths) {

    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    /** A valid content, for the examples of the requests that carry one (OpenAPI). */
    public static final String EXAMPLE = """
            {"title": "What It Means to Me research project: information sharing agreement",
             "summary": "The council shares case record information of the children who choose to take part with the university's research team.",
             "parties": [{"organisation": "luton-council", "role": "CONTROLLER"},
              {"organisation": "university-of-bedfordshire", "role": "CONTROLLER"}],
             "purposes": ["research-what-it-means-to-me"],
             "dataCategories": ["identity.date-of-birth", "special.ethnicity"],
             "dataSubjects": ["Children and young people who choose to take part"],
             "lawfulBases": [{"appliesTo": "PERSONAL", "basis": "uk-gdpr-6-1-e", "description": "Public task"},
              {"appliesTo": "SPECIAL", "basis": "uk-gdpr-9-2-j", "description": "Research purposes"}],
             "legalFramework": [{"code": "uk.data-protection-act-2018"}],
             "linkedNotices": [{"slug": "what-it-means-to-me", "version": 1}],
             "consent": {"required": true, "notice": "what-it-means-to-me"},
             "transfer": {"methods": ["system-access", "encrypted-file-transfer"], "forbiddenMethods": ["paper", "unsecured-email"],
              "frequency": "CONTINUOUS"},
             "securityRequirements": [{"code": "no-paper-copies"}],
             "accessLimit": {"recipients": ["university-of-bedfordshire"], "months": 6, "after": "ANONYMISED_DATASET"},
             "retention": {"period": "Up to six months of access, then an anonymised dataset",
              "destruction": "Destroyed securely when no longer needed"},
             "startDate": "2025-09-01", "endDate": "2027-08-31", "reviewCycleMonths": 12}""";

    public AgreementContent {
        legalFramework = legalFramework == null ? List.of() : legalFramework;
        linkedNotices = linkedNotices == null ? List.of() : linkedNotices;
        securityRequirements = securityRequirements == null ? List.of() : securityRequirements;
    }

    @Schema(name = "AgreementParty")
    public record Party(
            @Schema(description = "Organisation id (slug)", examples = "university-of-bedfordshire")
            @NotBlank
            @Size(max = 80)
            @Pattern(regexp = SLUG)
            String organisation,

            @NotNull PartyRole role) {}

    @Schema(name = "AgreementLawfulBasis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LawfulBasisUse(
            @NotNull CategoryKind appliesTo,

            @Schema(examples = "uk-gdpr-9-2-j") @NotBlank @Size(max = 80)
            String basis,

            @Schema(examples = "Children Act 1989 s17") @Size(max = 300)
            String statute,

            @Size(max = 2000) String description) {}

    @Schema(name = "AgreementLegalReference")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegalReference(
            @Schema(examples = "uk.human-rights-act-1998") @NotBlank @Size(max = 80)
            String code,

            @Size(max = 2000) String description) {}

    @Schema(name = "NoticeLink")
    public record NoticeLink(
            @Schema(examples = "what-it-means-to-me") @NotBlank @Size(max = 80) @Pattern(regexp = SLUG)
            String slug,

            @Schema(examples = "1") @NotNull @Min(1) Integer version) {}

    @Schema(name = "ConsentRequirement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentRequirement(
            @Schema(
                    description =
                            "Whether each disclosure needs the subject's effective consent (asked of consent-service)")
            @NotNull
            Boolean required,

            @Schema(description = "Slug of the notice the consent is given under", examples = "what-it-means-to-me")
            @Size(max = 80)
            @Pattern(regexp = SLUG)
            String notice,

            @Size(max = 2000) String description) {}

    @Schema(name = "Transfer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transfer(
            @Schema(
                    description = "Transfer method codes allowed",
                    examples = "[\"system-access\", \"encrypted-file-transfer\"]")
            @NotNull
            @Size(min = 1, max = 10)
            List<@NotBlank @Size(max = 40) String> methods,

            @Schema(
                    description = "Transfer method codes expressly forbidden",
                    examples = "[\"paper\", \"unsecured-email\"]")
            @Size(max = 10)
            List<@NotBlank @Size(max = 40) String> forbiddenMethods,

            @NotNull TransferFrequency frequency,
            @Size(max = 2000) String description) {

        public Transfer {
            forbiddenMethods = forbiddenMethods == null ? List.of() : forbiddenMethods;
        }
    }

    @Schema(name = "SecurityRequirement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SecurityRequirement(
            @Schema(examples = "no-paper-copies") @NotBlank @Size(max = 80)
            String code,

            @Size(max = 2000) String description) {}

    @Schema(name = "AccessLimit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessLimit(
            @Schema(description = "The parties whose access is limited", examples = "[\"university-of-bedfordshire\"]")
            @NotNull
            @Size(min = 1, max = 50)
            List<@NotBlank @Size(max = 80) @Pattern(regexp = SLUG) String> recipients,

            @Schema(examples = "6") @NotNull @Min(1) @Max(120)
            Integer months,

            @NotNull AfterAccess after,

            @Schema(description = "When access starts; by default when the agreement first comes into force")
            LocalDate startsOn,

            @Schema(examples = "up to six months, then an anonymised dataset") @Size(max = 2000)
            String description) {}

    @Schema(name = "AgreementRetention")
    public record Retention(
            @NotBlank @Size(max = 2000) String period,

            @Schema(description = "How the data is destroyed") @NotBlank @Size(max = 2000)
            String destruction) {}
}
