package org.consentgov.notice.api;

import java.util.List;
import org.consentgov.notice.api.NoticeViews.ChangeView;
import org.consentgov.notice.api.NoticeViews.ChecksView;
import org.consentgov.notice.api.NoticeViews.NoticeDiffView;
import org.consentgov.notice.api.NoticeViews.NoticeSummaryView;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.api.NoticeViews.NoticeView;
import org.consentgov.notice.api.NoticeViews.RuleViolationView;
import org.consentgov.notice.api.NoticeViews.TransitionView;
import org.consentgov.notice.api.NoticeViews.VersionSummaryView;
import org.consentgov.notice.domain.NoticeDetails;
import org.consentgov.notice.domain.NoticeDiff;
import org.consentgov.notice.domain.NoticeSummary;
import org.consentgov.notice.domain.PublicationChecks;
import org.consentgov.notice.domain.VersionDetails;
import org.consentgov.notice.domain.VersionDiff;
import org.consentgov.notice.domain.VersionSummary;
import org.consentgov.platform.paging.PageView;

/** Builds the notice API's views from the domain's results. */
public final class NoticeMapper {

    private NoticeMapper() {}

    public static NoticeSummaryView summary(NoticeSummary s) {
        return new NoticeSummaryView(
                s.slug(), s.title(), s.currentVersion(), s.draftVersion(), s.latestVersion(), s.createdAt());
    }

    public static PageView<NoticeSummaryView> summaries(PageView<NoticeSummary> page) {
        return page.map(NoticeMapper::summary);
    }

    public static VersionSummaryView versionSummary(VersionSummary v) {
        return new VersionSummaryView(
                v.number(),
                v.state(),
                v.title(),
                v.contentHash(),
                v.effectiveFrom(),
                v.publishedAt(),
                v.publishedBy(),
                v.inForceFrom(),
                v.inForceUntil());
    }

    public static PageView<VersionSummaryView> versionSummaries(PageView<VersionSummary> page) {
        return page.map(NoticeMapper::versionSummary);
    }

    public static NoticeView notice(NoticeDetails n) {
        return new NoticeView(
                n.slug(),
                n.createdAt(),
                n.createdBy(),
                n.versions().stream().map(NoticeMapper::versionSummary).toList());
    }

    public static NoticeVersionView version(VersionDetails v) {
        List<TransitionView> history = v.history().stream()
                .map(t -> new TransitionView(t.from(), t.to(), t.actor(), t.at(), t.reason(), t.contentHash()))
                .toList();
        return new NoticeVersionView(
                v.slug(),
                v.number(),
                v.state(),
                v.title(),
                v.content(),
                v.contentHash(),
                v.effectiveFrom(),
                v.publishedAt(),
                v.publishedBy(),
                v.inForceFrom(),
                v.inForceUntil(),
                v.materialChange(),
                v.materialReasons(),
                v.retiredAt(),
                v.retiredBy(),
                v.retiredReason(),
                v.createdAt(),
                v.createdBy(),
                v.updatedAt(),
                v.updatedBy(),
                history,
                v.rowVersion());
    }

    public static ChecksView checks(PublicationChecks c) {
        return new ChecksView(
                c.number(),
                c.publishable(),
                c.violations().stream()
                        .map(v -> new RuleViolationView(v.rule(), v.field(), v.message()))
                        .toList());
    }

    public static NoticeDiffView diff(VersionDiff d) {
        NoticeDiff.Result r = d.result();
        return new NoticeDiffView(d.slug(), d.from(), d.to(), r.material(), r.reasons(), changes(r.changes()));
    }

    public static List<ChangeView> changes(List<NoticeDiff.Change> changes) {
        return changes.stream()
                .map(c -> new ChangeView(c.field(), c.key(), c.kind(), c.before(), c.after()))
                .toList();
    }
}
