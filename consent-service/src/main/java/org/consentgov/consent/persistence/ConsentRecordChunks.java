package org.consentgov.consent.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Consent records in the list's order (recorded time, then id), read a chunk at a time after the last one
 * seen (keyset paging). Unlike offset pages, a chunk costs the same wherever it starts and no record is
 * skipped or repeated when others are recorded meanwhile; unlike one open cursor, no transaction has to
 * stay open while a slow client reads an export.
 */
@ApplicationScoped
public class ConsentRecordChunks {

    /** Where the previous chunk ended. */
    public record After(Instant recordedAt, UUID id) {}

    private final EntityManager em;

    public ConsentRecordChunks(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code size} records matching the filter, after {@code after} (null for the first chunk). */
    public List<ConsentRecord> next(ConsentRecordRepository.Filter f, After after, int size) {
        StringBuilder jpql = new StringBuilder("from ConsentRecord r where 1 = 1");
        if (f.notice() != null) {
            jpql.append(" and r.noticeSlug = :notice");
        }
        if (f.state() != null) {
            jpql.append(" and r.state = :state");
        }
        if (f.recordedFrom() != null) {
            jpql.append(" and r.recordedAt >= :from");
        }
        if (f.recordedTo() != null) {
            jpql.append(" and r.recordedAt < :to");
        }
        if (f.subjectId() != null) {
            jpql.append(" and r.subjectId = :subject");
        }
        if (after != null) {
            jpql.append(" and (r.recordedAt > :afterAt or (r.recordedAt = :afterAt and r.id > :afterId))");
        }
        jpql.append(" order by r.recordedAt, r.id");
        TypedQuery<ConsentRecord> query =
                em.createQuery(jpql.toString(), ConsentRecord.class).setMaxResults(size);
        if (f.notice() != null) {
            query.setParameter("notice", f.notice());
        }
        if (f.state() != null) {
            query.setParameter("state", f.state());
        }
        if (f.recordedFrom() != null) {
            query.setParameter("from", f.recordedFrom());
        }
        if (f.recordedTo() != null) {
            query.setParameter("to", f.recordedTo());
        }
        if (f.subjectId() != null) {
            query.setParameter("subject", f.subjectId());
        }
        if (after != null) {
            query.setParameter("afterAt", after.recordedAt()).setParameter("afterId", after.id());
        }
        return query.getResultList();
    }
}
