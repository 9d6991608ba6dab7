package org.consentgov.notice.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.notice.domain.VersionState;

@ApplicationScoped
public class NoticeVersionRepository implements PanacheRepositoryBase<NoticeVersion, UUID> {

    public Optional<NoticeVersion> find(String slug, int number) {
        return find("notice.slug = ?1 and number = ?2", slug, number).firstResultOptional();
    }

    public Optional<NoticeVersion> findInState(UUID noticeId, VersionState state) {
        return find("notice.id = ?1 and state = ?2", noticeId, state).firstResultOptional();
    }

    public Optional<NoticeVersion> latest(UUID noticeId) {
        return find("notice.id", Sort.descending("number"), noticeId).firstResultOptional();
    }

    /** The latest version that was ever published before the given number, to diff a publication against. */
    public Optional<NoticeVersion> previousPublished(UUID noticeId, int before) {
        return find(
                        "notice.id = ?1 and number < ?2 and state <> ?3",
                        Sort.descending("number"),
                        noticeId,
                        before,
                        VersionState.DRAFT)
                .firstResultOptional();
    }

    /** Every version of the given notices, in one statement (no N+1 when listing notices). */
    public List<NoticeVersion> forNotices(Collection<UUID> noticeIds) {
        if (noticeIds.isEmpty()) {
            return List.of();
        }
        if (noticeIds.size() == 1) {
            return forNotice(noticeIds.iterator().next());
        }
        return list("notice.id in ?1", Sort.by("number"), noticeIds);
    }

    /**
     * One notice's versions, by number. Its own query, not an IN list of one: Hibernate translates a query with a
     * list parameter anew on every run (the list's length shapes the SQL), and the public notice endpoint that
     * consent-service and sharing-agreement-service ask on every consent and decision spent a tenth of its CPU there
     * (bench/RESULTS.md).
     */
    public List<NoticeVersion> forNotice(UUID noticeId) {
        return list("notice.id = ?1", Sort.by("number"), noticeId);
    }

    /**
     * What changes whenever anything the public sees of a notice's published versions changes: how many versions
     * have left draft, and the sum of their row versions. Published versions are never deleted and every change to
     * one (superseded, retired) raises its row version, so neither number ever goes back; drafts do not count.
     */
    public PublishedStamp publishedStamp(String slug) {
        Object[] row = getEntityManager()
                .createQuery(
                        "select count(v), coalesce(sum(v.rowVersion), 0) from NoticeVersion v"
                                + " where v.notice.slug = ?1 and v.state <> ?2",
                        Object[].class)
                .setParameter(1, slug)
                .setParameter(2, VersionState.DRAFT)
                .getSingleResult();
        return new PublishedStamp(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** See {@link #publishedStamp}. */
    public record PublishedStamp(long versions, long rowVersions) {}

    public List<NoticeVersion> page(String slug, int page, int size) {
        return find("notice.slug", Sort.by("number"), slug)
                .page(Page.of(page, size))
                .list();
    }

    public long countFor(String slug) {
        return count("notice.slug", slug);
    }

    public List<NoticeVersionTransition> transitions(UUID versionId) {
        return getEntityManager()
                .createQuery(
                        "from NoticeVersionTransition where versionId = ?1 order by at, id",
                        NoticeVersionTransition.class)
                .setParameter(1, versionId)
                .getResultList();
    }

    public void record(NoticeVersionTransition transition) {
        getEntityManager().persist(transition);
    }
}
