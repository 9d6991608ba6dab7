package org.consentgov.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentState;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    /** The record, locked for the rest of the transaction: concurrent changes of one record queue up. */
    public Optional<ConsentRecord> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ConsentRecord> activeFor(UUID subjectId, String noticeSlug) {
        return list("subjectId = ?1 and noticeSlug = ?2 and state = ?3", subjectId, noticeSlug, ConsentState.ACTIVE);
    }

    /** The subject of each record, by record id, in one statement. */
    public Map<UUID, UUID> subjectsOf(Collection<UUID> recordIds) {
        Map<UUID, UUID> subjects = new HashMap<>();
        if (recordIds.isEmpty()) {
            return subjects;
        }
        getEntityManager()
                .createQuery("select r.id, r.subjectId from ConsentRecord r where r.id in :ids", Object[].class)
                .setParameter("ids", Set.copyOf(recordIds))
                .getResultList()
                .forEach(row -> subjects.put((UUID) row[0], (UUID) row[1]));
        return subjects;
    }

    public record Filter(String notice, ConsentState state, Instant recordedFrom, Instant recordedTo, UUID subjectId) {}

    public List<ConsentRecord> page(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<ConsentRecord> query(Filter f) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.notice() != null) {
            where.append(" and noticeSlug = :notice");
            params.and("notice", f.notice());
        }
        if (f.state() != null) {
            where.append(" and state = :state");
            params.and("state", f.state());
        }
        if (f.recordedFrom() != null) {
            where.append(" and recordedAt >= :from");
            params.and("from", f.recordedFrom());
        }
        if (f.recordedTo() != null) {
            where.append(" and recordedAt < :to");
            params.and("to", f.recordedTo());
        }
        if (f.subjectId() != null) {
            where.append(" and subjectId = :subject");
            params.and("subject", f.subjectId());
        }
        return find(where.toString(), Sort.by("recordedAt").and("id"), params);
    }

    public List<HistoryEntry> history(UUID recordId) {
        return getEntityManager()
                .createQuery("from HistoryEntry h where h.recordId = :id order by h.seq", HistoryEntry.class)
                .setParameter("id", recordId)
                .getResultList();
    }

    /** The history entries of these records recorded at or before {@code knownAt}, in order. */
    public List<HistoryEntry> historyUpTo(List<UUID> recordIds, Instant knownAt) {
        return getEntityManager()
                .createQuery(
                        "from HistoryEntry h where h.recordId in :ids and h.at <= :known order by h.recordId, h.seq",
                        HistoryEntry.class)
                // read to answer, never changed: nothing to dirty-check at the commit
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setParameter("ids", recordIds)
                .setParameter("known", knownAt)
                .getResultList();
    }

    /** ACTIVE records whose end has passed, locked, oldest end first (the expiry job holds its advisory lock). */
    public List<ConsentRecord> expiredActive(Instant now, int limit) {
        return getEntityManager()
                .createQuery(
                        "from ConsentRecord r where r.state = :state and r.expiresAt <= :now order by r.expiresAt, r.id",
                        ConsentRecord.class)
                .setParameter("state", ConsentState.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public void append(HistoryEntry entry) {
        getEntityManager().persist(entry);
    }

    public void persistParty(ConsentParty party) {
        getEntityManager().persist(party);
    }

    /** The ACTIVE records pinned to versions of the notice older than {@code version}, locked, oldest first. */
    public List<ConsentRecord> activePinnedBefore(String noticeSlug, int version) {
        return getEntityManager()
                .createQuery("""
                from ConsentRecord r where r.noticeSlug = :notice and r.noticeVersion < :version and r.state = :state
                order by r.recordedAt, r.id""", ConsentRecord.class)
                .setParameter("notice", noticeSlug)
                .setParameter("version", version)
                .setParameter("state", ConsentState.ACTIVE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** How many records one notice version has in one state, and how many of them are flagged for re-consent. */
    public record StateCount(
            String noticeSlug, int noticeVersion, ConsentState state, long records, long reconsentRequired) {}

    /**
     * Every record counted by notice slug, notice version and state in one GROUP BY statement: the dashboard's
     * figures without loading a record. Ordered by slug, version and state.
     */
    public List<StateCount> countsByNoticeAndState() {
        return getEntityManager().createQuery("""
                select r.noticeSlug, r.noticeVersion, r.state, count(r),
                  sum(case when r.reconsentRequired = true then 1 else 0 end)
                from ConsentRecord r group by r.noticeSlug, r.noticeVersion, r.state
                order by r.noticeSlug, r.noticeVersion, r.state""", Object[].class).getResultList().stream()
                .map(row -> new StateCount(
                        (String) row[0],
                        ((Number) row[1]).intValue(),
                        (ConsentState) row[2],
                        ((Number) row[3]).longValue(),
                        ((Number) row[4]).longValue()))
                .toList();
    }

    /** How many ACTIVE records are pinned to each version of the notice older than {@code version}. */
    public java.util.Map<Integer, Long> activePinnedCountsBefore(String noticeSlug, int version) {
        java.util.Map<Integer, Long> counts = new java.util.TreeMap<>();
        getEntityManager()
                .createQuery("""
                select r.noticeVersion, count(r) from ConsentRecord r
                where r.noticeSlug = :notice and r.noticeVersion < :version and r.state = :state
                group by r.noticeVersion""", Object[].class)
                .setParameter("notice", noticeSlug)
                .setParameter("version", version)
                .setParameter("state", ConsentState.ACTIVE)
                .getResultList()
                .forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }
}
