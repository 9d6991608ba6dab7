package org.consentgov.notice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.persistence.Notice;
import org.consentgov.notice.persistence.NoticeRepository;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.platform.problem.ProblemException;

/** What the public may read without a token: the notices in force and every version ever published. */
@ApplicationScoped
public class PublishedNotices {

    private final NoticeRepository notices;
    private final NoticeVersionRepository versions;
    private final NoticeStore store;
    private final NoticeQueries queries;

    public PublishedNotices(
            NoticeRepository notices, NoticeVersionRepository versions, NoticeStore store, NoticeQueries queries) {
        this.notices = notices;
        this.versions = versions;
        this.store = store;
        this.queries = queries;
    }

    /** Every notice with a version in force, by slug. */
    @Transactional
    public List<NoticeSummary> published() {
        List<Notice> all = notices.listAll();
        return queries.summaries(all).stream()
                .filter(s -> s.currentVersion() != null)
                .sorted(Comparator.comparing(NoticeSummary::slug))
                .toList();
    }

    /** The version the public sees now: the published one. */
    @Transactional
    public VersionDetails current(String slug) {
        Notice notice = store.notice(slug);
        NoticeVersion version = versions.findInState(notice.id, VersionState.PUBLISHED)
                .orElseThrow(() ->
                        NoticeErrors.NO_PUBLISHED_VERSION.problem("Notice '" + slug + "' has no published version"));
        return store.details(version);
    }

    /** A version the public has been shown; drafts are not public. */
    @Transactional
    public VersionDetails version(String slug, int number) {
        NoticeVersion version = versions.find(slug, number)
                .filter(v -> v.state.wasPublished())
                .orElseThrow(() -> ProblemException.notFound("Published version " + number + " of notice", slug));
        return store.details(version);
    }

    /** The public page lists the versions of the notice. */
    @Transactional
    public List<VersionSummary> versions(String slug) {
        return queries.get(slug).versions();
    }
}
