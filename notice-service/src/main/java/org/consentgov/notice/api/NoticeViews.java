package org.consentgov.notice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.domain.NoticeDiff;
import org.consentgov.notice.domain.VersionState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response types of the notice API. Entities are never serialised. */
public final class NoticeViews {

    private NoticeViews() {}

    static final String IN_FORCE_FROM =
            "When the version came into force (its effectiveFrom); absent for a draft, which was never in force";
    static final String IN_FORCE_UNTIL = "When it stopped being in force: the next published version's effectiveFrom,"
            + " or its retirement; absent while it is in force";

    @Schema(
            name = "CreateNoticeRequest",
            description = "A new notice and the content of its first draft",
            examples = """
            {"slug": "school-admissions",
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
              "transferMethods": {"allowed": ["system-access"], "forbidden": ["paper", "unsecured-email"]}}}""")
    public record CreateNoticeRequest(
            @Schema(
                    description = "Stable identifier, lowercase words joined by hyphens",
                    examples = "what-it-means-to-me")
            @NotBlank
            @Size(max = 80)
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
            String slug,

            @NotNull @Valid NoticeContent content) {}

    @Schema(name = "NoticeDraftRequest", description = "The whole content of a draft", examples = """
            {"content": {"defaultLocale": "en",
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
              "transferMethods": {"allowed": ["system-access"], "forbidden": ["paper", "unsecured-email"]}}}""")
    public record DraftRequest(@NotNull @Valid NoticeContent content) {}

    @Schema(
            name = "NewVersionRequest",
            description = "Content for the new draft; absent copies the latest version",
            examples = "{}")
    public record NewVersionRequest(@Valid NoticeContent content) {}

    @Schema(name = "PublishRequest", examples = "{\"effectiveFrom\": \"2026-09-01T00:00:00Z\"}")
    public record PublishRequest(
            @Schema(description = "When the version takes effect; absent means now. Not in the future.")
            Instant effectiveFrom) {}

    @Schema(name = "RetireRequest", examples = "{\"reason\": \"The research project has ended\"}")
    public record RetireRequest(
            @Schema(examples = "The research project has ended") @NotBlank @Size(max = 1000)
            String reason) {}

    @Schema(name = "NoticeSummary", examples = """
            {"slug": "what-it-means-to-me", "title": "What It Means to Me", "currentVersion": 1, "latestVersion": 1,
             "createdAt": "2026-01-05T09:30:00Z"}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeSummaryView(
            @Schema(examples = "what-it-means-to-me") String slug,
            String title,

            @Schema(description = "Number of the published version, if any")
            Integer currentVersion,

            @Schema(description = "Number of the open draft, if any")
            Integer draftVersion,

            int latestVersion,
            Instant createdAt) {}

    @Schema(name = "VersionSummary", examples = """
            {"number": 1, "state": "PUBLISHED", "title": "What It Means to Me",
             "contentHash": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
             "effectiveFrom": "2026-01-06T00:00:00Z", "publishedAt": "2026-01-06T10:00:00Z", "publishedBy": "dpo",
             "inForceFrom": "2026-01-06T00:00:00Z"}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionSummaryView(
            int number,
            VersionState state,
            String title,
            String contentHash,
            Instant effectiveFrom,
            Instant publishedAt,
            String publishedBy,

            @Schema(description = IN_FORCE_FROM) Instant inForceFrom,

            @Schema(description = IN_FORCE_UNTIL) Instant inForceUntil) {}

    @Schema(name = "Notice", examples = """
            {"slug": "what-it-means-to-me", "createdAt": "2026-01-05T09:30:00Z", "createdBy": "editor",
             "versions": [{"number": 1, "state": "PUBLISHED", "title": "What It Means to Me",
               "contentHash": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
               "effectiveFrom": "2026-01-06T00:00:00Z", "publishedAt": "2026-01-06T10:00:00Z", "publishedBy": "dpo"}]}""")
    public record NoticeView(String slug, Instant createdAt, String createdBy, List<VersionSummaryView> versions) {}

    @Schema(name = "Transition", description = "One state change of a version")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransitionView(
            VersionState from, VersionState to, String actor, Instant at, String reason, String contentHash) {}

    @Schema(name = "NoticeVersion", examples = """
            {"slug": "school-admissions", "number": 1, "state": "DRAFT", "title": "School admissions",
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
             "createdAt": "2026-01-05T09:30:00Z", "createdBy": "editor", "updatedAt": "2026-01-05T09:30:00Z", "updatedBy": "editor",
             "history": [{"to": "DRAFT", "actor": "editor", "at": "2026-01-05T09:30:00Z"}]}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeVersionView(
            String slug,
            int number,
            VersionState state,
            String title,
            NoticeContent content,

            @Schema(description = "SHA-256 of the canonical JSON of content, set when published")
            String contentHash,

            Instant effectiveFrom,
            Instant publishedAt,
            String publishedBy,

            @Schema(description = IN_FORCE_FROM) Instant inForceFrom,

            @Schema(description = IN_FORCE_UNTIL) Instant inForceUntil,

            @Schema(description = "Whether this publication materially changed the previous published version")
            Boolean materialChange,

            List<String> materialReasons,
            Instant retiredAt,
            String retiredBy,
            String retiredReason,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy,
            List<TransitionView> history,

            @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore
            long rowVersion) {}

    @Schema(name = "RuleViolation")
    public record RuleViolationView(
            @Schema(examples = "special-category-needs-article-9")
            String rule,

            @Schema(examples = "lawfulBases") String field,
            String message) {}

    @Schema(
            name = "Checks",
            description = "The rules the version breaks now; empty means it can be published",
            examples = """
            {"number": 2, "publishable": false, "violations": [{"rule": "special-category-needs-article-9", "field": "lawfulBases",
              "message": "special category data needs an Article 9 condition"}]}""")
    public record ChecksView(int number, boolean publishable, List<RuleViolationView> violations) {}

    @Schema(name = "ChangeEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeView(String field, String key, NoticeDiff.ChangeKind kind, JsonNode before, JsonNode after) {}

    @Schema(name = "NoticeDiff", examples = """
            {"slug": "what-it-means-to-me", "from": 1, "to": 2, "material": true, "reasons": ["purpose added: research-follow-up"],
             "changes": [{"field": "purposes", "key": "research-follow-up", "kind": "ADDED",
               "after": {"code": "research-follow-up", "description": "A follow-up study"}}]}""")
    public record NoticeDiffView(
            String slug,
            int from,
            int to,

            @Schema(
                    description =
                            "True when the change adds a purpose, data category or recipient, or changes a lawful basis or consent term")
            boolean material,

            List<String> reasons,
            List<ChangeView> changes) {}
}
