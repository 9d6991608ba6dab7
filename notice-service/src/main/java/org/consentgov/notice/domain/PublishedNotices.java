package org.consentgov.notice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    /**
     * The version that was in force at an instant (DESIGN §11): the one whose interval, as {@link InForce} gives
     * it, covers it. Intervals never overlap, so there is at most one; none (before the first version, or after a
     * retirement that no version followed) is a 404.
     */
    @Transactional
    public VersionDetails inForceAt(String slug, Instant at) {
        Notice notice = store.notice(slug);
        List<NoticeVersion> all = versions.forNotices(List.of(notice.id));
        NoticeVersion version = all.stream()
                .filter(v -> InForce.of(v, all).covers(at))
                .findFirst()
                .orElseThrow(() -> NoticeErrors.NO_VERSION_IN_FORCE
                        .problem("No version of notice '" + slug + "' was in force at " + at)
                        .with("at", at.toString()));
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
