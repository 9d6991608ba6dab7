package org.consentgov.notice.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.api.NoticeViews.RuleViolationView;
import org.consentgov.notice.domain.NoticeDetails;
import org.consentgov.notice.domain.NoticeDiff;
import org.consentgov.notice.domain.NoticeSummary;
import org.consentgov.notice.domain.PublicationChecks;
import org.consentgov.notice.domain.VersionDetails;
import org.consentgov.notice.domain.VersionDiff;
import org.consentgov.notice.domain.VersionState;
import org.consentgov.notice.domain.VersionSummary;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

class NoticeMapperTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:30:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-01-06T10:00:00Z");

    @Test
    void aVersionKeepsEveryFieldItsHistoryAndItsRowVersionForTheETag() {
        VersionDetails details = new VersionDetails(
                "what-it-means-to-me",
                2,
                VersionState.PUBLISHED,
                "What It Means to Me",
                null,
                "abc123",
                PUBLISHED,
                PUBLISHED,
                "dpo",
                PUBLISHED,
                null,
                true,
                List.of("purpose added: research-follow-up"),
                null,
                null,
                null,
                CREATED,
                "editor",
                PUBLISHED,
                "dpo",
                List.of(
                        new VersionDetails.StateChange(null, VersionState.DRAFT, "editor", CREATED, null, null),
                        new VersionDetails.StateChange(
                                VersionState.DRAFT, VersionState.PUBLISHED, "dpo", PUBLISHED, null, "abc123")),
                7);

        NoticeVersionView view = NoticeMapper.version(details);

        assertThat(view.slug()).isEqualTo("what-it-means-to-me");
        assertThat(view.number()).isEqualTo(2);
        assertThat(view.state()).isEqualTo(VersionState.PUBLISHED);
        assertThat(view.contentHash()).isEqualTo("abc123");
        assertThat(view.materialChange()).isTrue();
        assertThat(view.materialReasons()).containsExactly("purpose added: research-follow-up");
        assertThat(view.publishedBy()).isEqualTo("dpo");
        assertThat(view.inForceFrom()).isEqualTo(PUBLISHED);
        assertThat(view.inForceUntil()).isNull();
        assertThat(view.createdBy()).isEqualTo("editor");
        assertThat(view.rowVersion()).isEqualTo(7);
        assertThat(view.history())
                .extracting(NoticeViews.TransitionView::to)
                .containsExactly(VersionState.DRAFT, VersionState.PUBLISHED);
        assertThat(view.history().get(1).from()).isEqualTo(VersionState.DRAFT);
        assertThat(view.history().get(1).contentHash()).isEqualTo("abc123");
    }

    @Test
    void aPageOfSummariesKeepsItsPaging() {
        NoticeSummary summary = new NoticeSummary("school-admissions", "School admissions", 1, 2, 2, CREATED);
        PageView<NoticeSummary> page = PageView.of(List.of(summary), 1, 1, 3);

        PageView<NoticeViews.NoticeSummaryView> view = NoticeMapper.summaries(page);

        assertThat(view.page()).isEqualTo(1);
        assertThat(view.size()).isEqualTo(1);
        assertThat(view.totalItems()).isEqualTo(3);
        assertThat(view.totalPages()).isEqualTo(3);
        assertThat(view.items())
                .containsExactly(
                        new NoticeViews.NoticeSummaryView("school-admissions", "School admissions", 1, 2, 2, CREATED));
    }

    @Test
    void aNoticeListsItsVersionSummaries() {
        VersionSummary v1 = new VersionSummary(
                1, VersionState.SUPERSEDED, "t", "h1", PUBLISHED, PUBLISHED, "dpo", PUBLISHED, CREATED);
        VersionSummary v2 = new VersionSummary(2, VersionState.DRAFT, "t", null, null, null, null, null, null);

        NoticeViews.NoticeView view = NoticeMapper.notice(new NoticeDetails("n", CREATED, "editor", List.of(v1, v2)));

        assertThat(view.createdBy()).isEqualTo("editor");
        assertThat(view.versions())
                .containsExactly(
                        new NoticeViews.VersionSummaryView(
                                1, VersionState.SUPERSEDED, "t", "h1", PUBLISHED, PUBLISHED, "dpo", PUBLISHED, CREATED),
                        new NoticeViews.VersionSummaryView(
                                2, VersionState.DRAFT, "t", null, null, null, null, null, null));
    }

    @Test
    void checksArePublishableOnlyWithoutViolations() {
        RuleViolation broken =
                new RuleViolation("special-category-needs-article-9", "content.lawfulBases", "needs Art 9");

        NoticeViews.ChecksView failing = NoticeMapper.checks(new PublicationChecks(2, List.of(broken)));
        NoticeViews.ChecksView passing = NoticeMapper.checks(new PublicationChecks(3, List.of()));

        assertThat(failing.publishable()).isFalse();
        assertThat(failing.number()).isEqualTo(2);
        assertThat(failing.violations())
                .containsExactly(new RuleViolationView(
                        "special-category-needs-article-9", "content.lawfulBases", "needs Art 9"));
        assertThat(passing.publishable()).isTrue();
        assertThat(passing.violations()).isEmpty();
    }

    @Test
    void aDiffCarriesMaterialityReasonsAndEachChange() {
        NoticeDiff.Change added = new NoticeDiff.Change(
                "purposes", "research-follow-up", NoticeDiff.ChangeKind.ADDED, null, TextNode.valueOf("x"));
        VersionDiff diff = new VersionDiff(
                "n", 1, 2, new NoticeDiff.Result(true, List.of("purpose added: research-follow-up"), List.of(added)));

        NoticeViews.NoticeDiffView view = NoticeMapper.diff(diff);

        assertThat(view.from()).isEqualTo(1);
        assertThat(view.to()).isEqualTo(2);
        assertThat(view.material()).isTrue();
        assertThat(view.reasons()).containsExactly("purpose added: research-follow-up");
        assertThat(view.changes())
                .containsExactly(new NoticeViews.ChangeView(
                        "purposes", "research-follow-up", NoticeDiff.ChangeKind.ADDED, null, TextNode.valueOf("x")));
    }
}
