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

    private NoticeViews() {
    }

    @Schema(name = "CreateNoticeRequest", description = "A new notice and the content of its first draft")
    public record CreateNoticeRequest(
            @Schema(description = "Stable identifier, lowercase words joined by hyphens", examples = "what-it-means-to-me")
            @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens") String slug,
            @NotNull @Valid NoticeContent content) {
    }

    @Schema(name = "DraftRequest", description = "The whole content of a draft")
    public record DraftRequest(@NotNull @Valid NoticeContent content) {
    }

    @Schema(name = "NewVersionRequest", description = "Content for the new draft; absent copies the latest version")
    public record NewVersionRequest(@Valid NoticeContent content) {
    }

    @Schema(name = "PublishRequest")
    public record PublishRequest(
            @Schema(description = "When the version takes effect; absent means now. Not in the future.") Instant effectiveFrom) {
    }

    @Schema(name = "RetireRequest")
    public record RetireRequest(
            @Schema(examples = "The research project has ended") @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "NoticeSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeSummaryView(
            @Schema(examples = "what-it-means-to-me") String slug,
            String title,
            @Schema(description = "Number of the published version, if any") Integer currentVersion,
            @Schema(description = "Number of the open draft, if any") Integer draftVersion,
            int latestVersion,
            Instant createdAt) {
    }

    @Schema(name = "VersionSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionSummaryView(int number, VersionState state, String title, String contentHash,
            Instant effectiveFrom, Instant publishedAt, String publishedBy) {
    }

    @Schema(name = "Notice")
    public record NoticeView(String slug, Instant createdAt, String createdBy, List<VersionSummaryView> versions) {
    }

    @Schema(name = "Transition", description = "One state change of a version")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransitionView(VersionState from, VersionState to, String actor, Instant at, String reason,
            String contentHash) {
    }

    @Schema(name = "NoticeVersion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeVersionView(
            String slug,
            int number,
            VersionState state,
            String title,
            NoticeContent content,
            @Schema(description = "SHA-256 of the canonical JSON of content, set when published") String contentHash,
            Instant effectiveFrom,
            Instant publishedAt,
            String publishedBy,
            @Schema(description = "Whether this publication materially changed the previous published version") Boolean materialChange,
            List<String> materialReasons,
            Instant retiredAt,
            String retiredBy,
            String retiredReason,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy,
            List<TransitionView> history,
            @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore long rowVersion) {
    }

    @Schema(name = "RuleViolation")
    public record RuleViolationView(@Schema(examples = "special-category-needs-article-9") String rule,
            @Schema(examples = "lawfulBases") String field, String message) {
    }

    @Schema(name = "Checks", description = "The rules the version breaks now; empty means it can be published")
    public record ChecksView(int number, boolean publishable, List<RuleViolationView> violations) {
    }

    @Schema(name = "ChangeEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeView(String field, String key, NoticeDiff.ChangeKind kind, JsonNode before, JsonNode after) {
    }

    @Schema(name = "NoticeDiff")
    public record NoticeDiffView(String slug, int from, int to,
            @Schema(description = "True when the change adds a purpose, data category or recipient, or changes a lawful basis or consent term") boolean material,
            List<String> reasons, List<ChangeView> changes) {
    }
}
