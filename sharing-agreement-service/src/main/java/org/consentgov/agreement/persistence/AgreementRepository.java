package org.consentgov.agreement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;

/**
 * Agreements, their versions, parties, signatures and history. Every read a caller asks for takes the
 * caller's {@link Scope}: a partner's query only ever matches agreements its organisation is party to.
 */
@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    private final AgreementStateLocks locks;

    public AgreementRepository(AgreementStateLocks locks) {
        this.locks = locks;
    }

    static final String VISIBLE = " and (:all = true or exists (select 1 from AgreementParty p"
            + " where p.agreementId = a.id and p.organisation = :org))";

    public Optional<Agreement> findVisible(UUID id, Scope scope) {
        return scoped(
                        getEntityManager().createQuery("from Agreement a where a.id = :id" + VISIBLE, Agreement.class),
                        scope)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /** The agreement, locked for the rest of the transaction: concurrent changes (the last two signatures) queue up. */
    public Optional<Agreement> lockVisible(UUID id, Scope scope) {
        locks.lockInForceState(id);
        return findVisible(id, scope).map(a -> {
            getEntityManager().lock(a, LockModeType.PESSIMISTIC_WRITE);
            getEntityManager().refresh(a);
            return a;
        });
    }

    public List<Agreement> page(AgreementFilter filter, Scope scope, int page, int size) {
        List<UUID> linking = filter.linkedNotice() == null ? null : linking(filter.linkedNotice());
        if (linking != null && linking.isEmpty()) {
            return List.of();
        }
        TypedQuery<Agreement> query = getEntityManager()
                .createQuery(
                        "from Agreement a where " + where(filter) + VISIBLE
                                + " order by a.reference, a.createdAt, a.id",
                        Agreement.class);
        return bind(scoped(query, scope), filter, linking)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public long count(AgreementFilter filter, Scope scope) {
        List<UUID> linking = filter.linkedNotice() == null ? null : linking(filter.linkedNotice());
        if (linking != null && linking.isEmpty()) {
            return 0;
        }
        TypedQuery<Long> query = getEntityManager()
                .createQuery("select count(a) from Agreement a where " + where(filter) + VISIBLE, Long.class);
        return bind(scoped(query, scope), filter, linking).getSingleResult();
    }

    /**
     * The agreements whose current versions link the notice (its slug, any version of it): the version shown by
     * default (in force, or last in force, or the latest) and the one open (a draft or variation being drafted or
     * signed). The links live in the versions' content (linkedNotices), matched by JSON containment.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> linking(String noticeSlug) {
        return ((List<Object>) getEntityManager()
                        .createNativeQuery("""
                select distinct v.agreement_id from agreement_version v join agreement a on a.id = v.agreement_id
                where (v.number = coalesce(a.effective_version, a.latest_version) or v.number = a.open_version)
                  and v.content -> 'linkedNotices' @> jsonb_build_array(jsonb_build_object('slug', cast(?1 as text)))""")
                        .setParameter(1, noticeSlug)
                        .getResultList())
                .stream()
                        .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                        .toList();
    }

    private static String where(AgreementFilter f) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (f.state() != null) {
            where.append(" and a.state = :state");
        }
        if (f.reference() != null) {
            where.append(" and lower(a.reference) = lower(:reference)");
        }
        if (f.organisation() != null) {
            where.append(
                    " and exists (select 1 from AgreementParty q where q.agreementId = a.id and q.organisation = :party)");
        }
        if (f.linkedNotice() != null) {
            where.append(" and a.id in :linking");
        }
        if (f.reviewRequired() != null) {
            where.append(" and a.reviewRequired = :reviewRequired");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, AgreementFilter f, List<UUID> linking) {
        if (linking != null) {
            query.setParameter("linking", linking);
        }
        if (f.state() != null) {
            query.setParameter("state", f.state());
        }
        if (f.reference() != null) {
            query.setParameter("reference", f.reference());
        }
        if (f.organisation() != null) {
            query.setParameter("party", f.organisation());
        }
        if (f.reviewRequired() != null) {
            query.setParameter("reviewRequired", f.reviewRequired());
        }
        return query;
    }

    private static <T> TypedQuery<T> scoped(TypedQuery<T> query, Scope scope) {
        return query.setParameter("all", scope.all()).setParameter("org", scope.all() ? "" : scope.organisation());
    }

    /** How many agreements the caller may see are in each state: one GROUP BY statement. */
    public Map<AgreementState, Long> countsByState(Scope scope) {
        Map<AgreementState, Long> counts = new HashMap<>();
        scoped(
                        getEntityManager()
                                .createQuery(
                                        "select a.state, count(a) from Agreement a where 1 = 1" + VISIBLE
                                                + " group by a.state",
                                        Object[].class),
                        scope)
                .getResultList()
                .forEach(row -> counts.put((AgreementState) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * The agreements in force that the caller may see and that have a date to watch by {@code until}: a review due
     * (or overdue) or a last day in force on or before it, or an access end before {@code accessBefore}. One
     * projection: the agreement's reference, state and dates with its version in force's title and end date, no
     * entity loaded.
     */
    public List<DatedAgreement> inForceWithDatesBy(LocalDate until, Instant accessBefore, Scope scope) {
        return scoped(getEntityManager().createQuery("""
                select a.id, a.reference, v.title, a.state, a.nextReviewOn, a.accessEndsAt, v.endDate
                from Agreement a, AgreementVersion v where v.agreementId = a.id and v.number = a.effectiveVersion
                  and a.state in :states
                  and (a.nextReviewOn <= :until or a.accessEndsAt < :after or v.endDate <= :until)""" + VISIBLE, Object[].class), scope)
                .setParameter("states", List.of(AgreementState.ACTIVE, AgreementState.SUSPENDED))
                .setParameter("until", until)
                .setParameter("after", accessBefore)
                .getResultList()
                .stream()
                .map(row -> new DatedAgreement(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        (AgreementState) row[3],
                        (LocalDate) row[4],
                        (Instant) row[5],
                        (LocalDate) row[6]))
                .toList();
    }

    /** Other agreements with the same reference (any case), with their latest versions, to find overlaps. */
    public List<AgreementVersion> latestVersionsWithReference(String reference, UUID except) {
        return getEntityManager()
                .createQuery("""
                select v from AgreementVersion v, Agreement a where v.agreementId = a.id and v.number = a.latestVersion
                  and lower(a.reference) = lower(:reference) and a.id <> :except and a.state <> :terminated""", AgreementVersion.class)
                .setParameter("reference", reference)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .setParameter("terminated", AgreementState.TERMINATED)
                .getResultList();
    }

    public Optional<AgreementVersion> version(UUID agreementId, int number) {
        return getEntityManager()
                .createQuery("from AgreementVersion where agreementId = :a and number = :n", AgreementVersion.class)
                .setParameter("a", agreementId)
                .setParameter("n", number)
                .getResultStream()
                .findFirst();
    }

    public List<AgreementVersion> versions(UUID agreementId) {
        return getEntityManager()
                .createQuery("from AgreementVersion where agreementId = :a order by number", AgreementVersion.class)
                .setParameter("a", agreementId)
                .getResultList();
    }

    public List<AgreementParty> parties(UUID versionId) {
        return getEntityManager()
                .createQuery("from AgreementParty where versionId = :v order by position", AgreementParty.class)
                .setParameter("v", versionId)
                .getResultList();
    }

    public void replaceParties(UUID versionId, List<AgreementParty> parties) {
        getEntityManager()
                .createQuery("delete from AgreementParty where versionId = :v")
                .setParameter("v", versionId)
                .executeUpdate();
        parties.forEach(getEntityManager()::persist);
    }

    public List<AgreementSignature> signatures(UUID versionId) {
        return getEntityManager()
                .createQuery(
                        "from AgreementSignature where versionId = :v order by signedAt, id", AgreementSignature.class)
                .setParameter("v", versionId)
                .getResultList();
    }

    public List<AgreementHistory> history(UUID agreementId) {
        return getEntityManager()
                .createQuery("from AgreementHistory where agreementId = :a order by seq", AgreementHistory.class)
                .setParameter("a", agreementId)
                .getResultList();
    }

    public void record(Object evidence) {
        getEntityManager().persist(evidence);
    }

    /** The versions in force (ACTIVE or SUSPENDED) that name the organisation as a party. */
    public List<AgreementVersion> inForceWithParty(String organisation) {
        return getEntityManager()
                .createQuery("""
                select v from AgreementVersion v where v.state in :states and exists
                  (select 1 from AgreementParty p where p.versionId = v.id and p.organisation = :org)
                order by v.agreementId""", AgreementVersion.class)
                .setParameter("states", List.of(AgreementState.ACTIVE, AgreementState.SUSPENDED))
                .setParameter("org", organisation)
                .getResultList();
    }

    /** Every version in force or open, with the parties among the organisations: what the gap report looks at. */
    public List<AgreementVersion> currentWithParties(Collection<String> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery("""
                select v from AgreementVersion v, Agreement a where v.agreementId = a.id
                  and (v.number = a.effectiveVersion or (a.effectiveVersion is null and v.number = a.latestVersion))
                  and exists (select 1 from AgreementParty p where p.versionId = v.id and p.organisation in :orgs)""", AgreementVersion.class)
                .setParameter("orgs", organisations)
                .getResultList();
    }

    /** The version each agreement shows by default (in force, or last in force, or latest), in one statement. */
    public Map<UUID, AgreementVersion> currentVersions(Collection<UUID> agreementIds) {
        Map<UUID, AgreementVersion> out = new HashMap<>();
        if (!agreementIds.isEmpty()) {
            getEntityManager()
                    .createQuery("""
                    select v from AgreementVersion v, Agreement a where v.agreementId = a.id and a.id in :ids
                      and v.number = coalesce(a.effectiveVersion, a.latestVersion)""", AgreementVersion.class)
                    .setParameter("ids", agreementIds)
                    .getResultList()
                    .forEach(v -> out.put(v.agreementId, v));
        }
        return out;
    }

    public Map<UUID, List<AgreementParty>> partiesOf(Collection<UUID> versionIds) {
        Map<UUID, List<AgreementParty>> out = new HashMap<>();
        if (versionIds.isEmpty()) {
            return out;
        }
        getEntityManager()
                .createQuery("from AgreementParty where versionId in :v order by position", AgreementParty.class)
                .setParameter("v", versionIds)
                .getResultList()
                .forEach(p -> out.computeIfAbsent(p.versionId, k -> new java.util.ArrayList<>())
                        .add(p));
        return out;
    }

    public Map<UUID, Agreement> byIds(Collection<UUID> ids) {
        Map<UUID, Agreement> out = new HashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", ids).forEach(a -> out.put(a.id, a));
        }
        return out;
    }

    /** Versions in force whose last day is before the given day. */
    public List<AgreementVersion> inForceEndedBefore(LocalDate day) {
        return getEntityManager()
                .createQuery("from AgreementVersion where state in :states and endDate < :day", AgreementVersion.class)
                .setParameter("states", List.of(AgreementState.ACTIVE, AgreementState.SUSPENDED))
                .setParameter("day", day)
                .getResultList();
    }

    public List<Agreement> reviewDueBy(LocalDate day) {
        return list(
                "state in ?1 and nextReviewOn <= ?2 and (reviewNotifiedFor is null or reviewNotifiedFor <> nextReviewOn)",
                List.of(AgreementState.ACTIVE, AgreementState.SUSPENDED),
                day);
    }

    public List<Agreement> accessEndingBy(Instant by) {
        return list(
                "state in ?1 and accessEndsAt <= ?2 and accessEndingNotifiedAt is null",
                List.of(AgreementState.ACTIVE, AgreementState.SUSPENDED),
                by);
    }

    public List<Agreement> accessEndedBy(Instant now) {
        return list(
                "state in ?1 and accessEndsAt <= ?2 and accessEndedNotifiedAt is null",
                List.of(AgreementState.ACTIVE, AgreementState.SUSPENDED),
                now);
    }
}
