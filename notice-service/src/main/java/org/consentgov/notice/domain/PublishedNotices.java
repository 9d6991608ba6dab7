package org.consentgov.notice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.persistence.Notice;
import org.consentgov.notice.persistence.NoticeRepository;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.notice.persistence.NoticeVersionRepository.PublishedStamp;
import org.consentgov.platform.problem.ProblemException;

/** What the public may read without a token: the notices in force and every version ever published. */
@ApplicationScoped
public class PublishedNotices {

    private final NoticeRepository notices;
    private final NoticeVersionRepository versions;
    private final NoticeStore store;
    private final NoticeQueries queries;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

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
        return snapshot(slug).stream()
                .filter(v -> v.state() == VersionState.PUBLISHED)
                .findFirst()
                .orElseThrow(() -> {
                    store.notice(slug);
                    return NoticeErrors.NO_PUBLISHED_VERSION.problem("Notice '" + slug + "' has no published version");
                });
    }

    /**
     * The version that was in force at an instant (DESIGN §11): the one whose interval, as {@link InForce} gives
     * it, covers it. Intervals never overlap, so there is at most one; none (before the first version, or after a
     * retirement that no version followed) is a 404.
     */
    @Transactional
    public VersionDetails inForceAt(String slug, Instant at) {
        return snapshot(slug).stream()
                .filter(v -> new InForce(v.inForceFrom(), v.inForceUntil()).covers(at))
                .findFirst()
                .orElseThrow(() -> {
                    store.notice(slug);
                    return NoticeErrors.NO_VERSION_IN_FORCE
                            .problem("No version of notice '" + slug + "' was in force at " + at)
                            .with("at", at.toString());
                });
    }

    /** A version the public has been shown; drafts are not public. */
    @Transactional
    public VersionDetails version(String slug, int number) {
        return snapshot(slug).stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Published version " + number + " of notice", slug));
    }

    /** The public page lists the versions of the notice. */
    @Transactional
    public List<VersionSummary> versions(String slug) {
        return queries.get(slug).versions();
    }

    /**
     * Every version of the notice that was ever published, as the public sees it, by number. consent-service asks
     * for one on every consent it records and sharing-agreement-service on every decision, so the answer is kept in
     * memory with the {@link PublishedStamp} it was read at, and each call reads only the stamp (one small
     * query): a published version's content never changes, and anything else that changes (its state, its in-force
     * interval, once the next version is published or it is retired) changes the stamp. So the answer is as fresh as
     * the database, in every replica, without waiting for an event. A notice with nothing published is not kept.
     */
    private List<VersionDetails> snapshot(String slug) {
        PublishedStamp stamp = versions.publishedStamp(slug);
        if (stamp.versions() == 0) {
            snapshots.remove(slug);
            return List.of();
        }
        Snapshot known = snapshots.get(slug);
        if (known != null && known.stamp().equals(stamp)) {
            return known.versions();
        }
        Notice notice = store.notice(slug);
        List<NoticeVersion> all = versions.forNotice(notice.id);
        List<VersionDetails> published = all.stream()
                .filter(v -> v.state.wasPublished())
                .map(v -> store.details(v, all))
                .toList();
        snapshots.put(slug, new Snapshot(stamp, published));
        return published;
    }

    /** The published versions of one notice, read when the notice's stamp was {@code stamp}. */
    private record Snapshot(PublishedStamp stamp, List<VersionDetails> versions) {}
}
