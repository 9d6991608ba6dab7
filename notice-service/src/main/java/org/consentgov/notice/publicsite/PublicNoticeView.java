package org.consentgov.notice.publicsite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.domain.VersionState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published notice as the public reads it, with its W3C DPV terms. */
@Schema(name = "PublicNotice")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicNoticeView(
        String slug,
        int version,
        VersionState state,
        @Schema(description = "Whether this is the version in force now") boolean current,
        Instant effectiveFrom,
        Instant publishedAt,
        @Schema(description = "SHA-256 of the canonical JSON of content") String contentHash,
        @Schema(description = "Locale of title, summary and sections", examples = "en") String locale,
        List<String> availableLocales,
        String title,
        String summary,
        List<NoticeContent.Section> sections,
        List<NoticeContent.Section> childSummary,
        NoticeContent content,
        @Schema(description = "The notice in W3C Data Privacy Vocabulary terms (JSON-LD)") Dpv dpv) {

    @Schema(name = "DpvNotice")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dpv(
            @JsonProperty("@context") Map<String, String> context,
            @JsonProperty("@type") String type,
            List<DpvTerm> hasPersonalData,
            List<DpvTerm> hasPurpose,
            List<DpvTerm> hasLegalBasis,
            List<DpvTerm> hasRecipient,
            List<DpvTerm> hasTechnicalOrganisationalMeasure,
            List<DpvTerm> hasRight) {
    }

    @Schema(name = "DpvTerm")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DpvTerm(
            @Schema(description = "Our vocabulary code") String code,
            String label,
            @JsonProperty("@type") String type,
            @Schema(description = "Legal-extension term, e.g. eu-gdpr:A6-1-e") String legal,
            Boolean special,
            Boolean criminal) {
    }
}
