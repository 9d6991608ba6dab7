package org.consentgov.notice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentgov.notice.persistence.Notice;
import org.consentgov.notice.persistence.NoticeRepository;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.platform.paging.PageView;

/** Reading notices and their versions, and comparing two versions; every role may read. */
@ApplicationScoped
public class NoticeQueries {

    private final NoticeRepository notices;
    private final NoticeVersionRepository versions;
    private final NoticeStore store;
    private final NoticeContentJson json;

    public NoticeQueries(
            NoticeRepository notices, NoticeVersionRepository versions, NoticeStore store, NoticeContentJson json) {
        this.notices = notices;
        this.versions = versions;
        this.store = store;
        this.json = json;
    }

    @Transactional
    public PageView<NoticeSummary> list(int page, int size) {
        List<Notice> found = notices.page(page, size);
        long total = notices.count();
        return PageView.of(summaries(found), page, size, total);
    }

    @Transactional
    public NoticeDetails get(String slug) {
        Notice notice = store.notice(slug);
        List<NoticeVersion> stored = versions.forNotices(List.of(notice.id));
        List<VersionSummary> all =
                stored.stream().map(v -> NoticeStore.summary(v, stored)).toList();
        return new NoticeDetails(notice.slug, notice.createdAt, notice.createdBy, all);
    }

    @Transactional
    public PageView<VersionSummary> versions(String slug, int page, int size) {
        Notice notice = store.notice(slug);
        List<NoticeVersion> stored = versions.forNotices(List.of(notice.id));
        return PageView.of(
                versions.page(slug, page, size).stream()
                        .map(v -> NoticeStore.summary(v, stored))
                        .toList(),
                page,
                size,
                versions.countFor(slug));
    }

    @Transactional
    public VersionDetails version(String slug, int number) {
        return store.details(store.version(store.notice(slug), number));
    }

    @Transactional
    public VersionDiff diff(String slug, int from, int to) {
        Notice notice = store.notice(slug);
        NoticeVersion a = store.version(notice, from);
        NoticeVersion b = store.version(notice, to);
        return new VersionDiff(slug, from, to, NoticeDiff.between(json.tree(a.content), json.tree(b.content)));
    }

    public boolean exists(String slug) {
        return notices.findBySlug(slug).isPresent();
    }

    /** Each notice summarised, in the order given, reading all their versions in one query. */
    List<NoticeSummary> summaries(List<Notice> found) {
        Map<UUID, List<NoticeVersion>> byNotice = versions
                .forNotices(found.stream().map(n -> n.id).toList())
                .stream()
                .collect(Collectors.groupingBy(v -> v.notice.id));
        return found.stream()
                .map(n -> summary(n, byNotice.getOrDefault(n.id, List.of())))
                .toList();
    }

    private static NoticeSummary summary(Notice notice, List<NoticeVersion> all) {
        NoticeVersion published = all.stream()
                .filter(v -> v.state == VersionState.PUBLISHED)
                .findFirst()
                .orElse(null);
        NoticeVersion draft = all.stream()
                .filter(v -> v.state == VersionState.DRAFT)
                .findFirst()
                .orElse(null);
        NoticeVersion latest =
                all.stream().max(Comparator.comparingInt(v -> v.number)).orElse(null);
        NoticeVersion shown = published != null ? published : latest;
        return new NoticeSummary(
                notice.slug,
                shown == null ? null : shown.title,
                published == null ? null : published.number,
                draft == null ? null : draft.number,
                latest == null ? 0 : latest.number,
                notice.createdAt);
    }
}
