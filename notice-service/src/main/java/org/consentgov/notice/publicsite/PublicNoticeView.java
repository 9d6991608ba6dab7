package org.consentgov.notice.publicsite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.domain.VersionState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published notice as the public reads it, with its W3C DPV terms. */
@Schema(name = "PublicNotice", examples = """
        {"slug": "school-admissions", "version": 1, "state": "PUBLISHED", "current": true,
         "effectiveFrom": "2026-01-06T00:00:00Z", "publishedAt": "2026-01-06T10:00:00Z", "inForceFrom": "2026-01-06T00:00:00Z",
         "contentHash": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
         "locale": "en", "availableLocales": ["en"], "title": "School admissions", "summary": "What we do with your information",
         "sections": [{"id": "who-we-are", "heading": "Who we are", "body": "We are the council."}],
         "childSummary": [{"id": "about", "heading": "About this", "body": "We keep your information safe."}],
         "content": {"defaultLocale": "en",
           "locales": {"en": {"title": "School admissions", "summary": "What we do with your information",
             "sections": [{"id": "who-we-are", "heading": "Who we are", "body": "We are the council."}],
             "childSummary": [{"id": "about", "heading": "About this", "body": "We keep your information safe."}]}},
           "controllers": [{"name": "Luton Borough Council", "role": "CONTROLLER", "organisationId": "luton-council"}],
           "dpo": {"description": "Contact the data protection officer through the council"},
           "purposes": [{"code": "statutory-service", "description": "To provide a statutory service"}],
           "dataCategories": ["identity.date-of-birth"],
           "sources": [{"description": "Your case record"}],
           "lawfulBases": [{"appliesTo": "PERSONAL", "basis": "uk-gdpr-6-1-e", "description": "Public task"}],
           "recipients": [{"name": "Luton Schools", "organisationType": "school", "organisationId": "luton-schools", "role": "RECIPIENT"}],
           "internationalTransfers": {"occurs": false},
           "retention": {"description": "In line with the retention schedule"},
           "automatedDecisionMaking": {"used": false, "description": "No automated decisions"},
           "rights": ["access", "rectification"],
           "transferMethods": {"allowed": ["system-access"], "forbidden": ["paper", "unsecured-email"]}},
         "dpv": {"@context": {"dpv": "https://w3id.org/dpv#", "pd": "https://w3id.org/dpv/pd#", "schema": "https://schema.org/",
             "hasPersonalData": {"@id": "dpv:hasPersonalData"}, "hasPurpose": {"@id": "dpv:hasPurpose"},
             "hasLegalBasis": {"@id": "dpv:hasLegalBasis"}, "code": "schema:identifier", "label": "schema:name"},
           "@type": "dpv:PrivacyNotice",
           "hasPersonalData": [{"code": "identity.date-of-birth", "label": "Date of birth", "@type": ["pd:DateOfBirth"]}],
           "hasPurpose": [{"code": "statutory-service", "label": "To provide a statutory service", "@type": ["dpv:ServiceProvision"]}],
           "hasLegalBasis": [{"code": "uk-gdpr-6-1-e", "label": "Public task", "@type": ["dpv:PublicInterest"], "legal": "eu-gdpr:A6-1-e"}]}}""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicNoticeView(
        String slug,
        int version,
        VersionState state,

        @Schema(description = "Whether this is the version in force now")
        boolean current,

        Instant effectiveFrom,
        Instant publishedAt,

        @Schema(description = "When the version came into force (its effectiveFrom)")
        Instant inForceFrom,

        @Schema(
                description =
                        "When it stopped being in force: the next published version's effectiveFrom, or its retirement; absent while in force")
        Instant inForceUntil,

        @Schema(
                description =
                        "Whether this version changed the previous published one materially (consents given under the older one need re-consent); absent for a first version")
        Boolean materialChange,

        @Schema(description = "SHA-256 of the canonical JSON of content")
        String contentHash,

        @Schema(description = "Locale of title, summary and sections", examples = "en")
        String locale,

        List<String> availableLocales,
        String title,
        String summary,
        List<NoticeContent.Section> sections,
        List<NoticeContent.Section> childSummary,
        NoticeContent content,

        @Schema(description = "The notice in W3C Data Privacy Vocabulary terms (JSON-LD)")
        Dpv dpv) {

    @Schema(
            name = "DpvNotice",
            description =
                    "JSON-LD: its @context maps every key to W3C DPV (https://w3id.org/dpv#) or schema.org, so a JSON-LD"
                            + " processor reads it as linked data; also served alone as application/ld+json")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"@context", "@type"})
    public record Dpv(
            @JsonProperty("@context") Map<String, Object> context,
            @JsonProperty("@type") String type,
            List<DpvTerm> hasDataController,
            List<DpvTerm> hasPersonalData,
            List<DpvTerm> hasPurpose,
            List<DpvTerm> hasLegalBasis,
            List<DpvTerm> hasRecipient,
            List<DpvTerm> hasStorageCondition,
            List<DpvTerm> hasTechnicalOrganisationalMeasure,
            List<DpvTerm> hasRight) {}

    @Schema(name = "DpvTerm")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DpvTerm(
            @Schema(description = "Our vocabulary code, or the organisation id")
            String code,

            String label,

            @Schema(
                    description =
                            "DPV classes, always an array (special category data is also dpv:SpecialCategoryPersonalData)")
            @JsonProperty("@type")
            List<String> type,

            @Schema(description = "Legal-extension term, e.g. eu-gdpr:A6-1-e")
            String legal,

            @Schema(description = "The notice's own words, e.g. how long data is kept")
            String description) {}
}
