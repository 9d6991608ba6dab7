package org.consentgov.agreement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;

/**
 * Agreements as the records stood at a time: the state of a version at T is the state its last history row
 * written by T left it in. Lifecycle changes are recorded as they happen, so T is both the valid time asked about
 * and the recorded time the answer is read as of; rows written later are not looked at.
 */
@ApplicationScoped
public class AgreementTimeline {

    /**
     * A version in force, the state its history gave it at the time asked about and its agreement's reference:
     * read as columns, not entities, so that nothing is kept in the session or checked for changes at commit.
     */
    public record VersionAt(
            UUID agreementId,
            UUID versionId,
            String reference,
            int number,
            AgreementState state,
            String contentHash,
            String content,
            Instant effectiveFrom) {}

    /** The activation of a version, in the order the history wrote them. */
    public record Activation(
            UUID agreementId, UUID versionId, String contentHash, String content, Instant effectiveFrom) {}

    private static final String LAST_ROW_BY = """
            h.seq = (select max(h2.seq) from AgreementHistory h2 where h2.agreementId = v.agreementId
                       and h2.versionNumber = v.number and h2.at <= :by and h2.toState is not null)""";

    /**
     * The states in force, written into the query as literals: Hibernate translates a query with a list parameter
     * anew on every run, and these two queries run on every sharing decision (bench/RESULTS.md).
     */
    private static final String IN_FORCE =
            AgreementState.class.getName() + ".ACTIVE, " + AgreementState.class.getName() + ".SUSPENDED";

    private final EntityManager em;

    public AgreementTimeline(EntityManager em) {
        this.em = em;
    }

    /** The versions in force (ACTIVE or SUSPENDED) at {@code by} that name the organisation as a party. */
    public List<VersionAt> inForceWithParty(String organisation, Instant by) {
        return em.createQuery(
                        "select v.agreementId, v.id, a.reference, v.number, h.toState, v.contentHash, v.content,"
                                + " v.effectiveFrom from AgreementVersion v, AgreementHistory h, Agreement a"
                                + " where a.id = v.agreementId and h.agreementId = v.agreementId"
                                + " and h.versionNumber = v.number and "
                                + LAST_ROW_BY
                                + " and h.toState in (" + IN_FORCE + ") and exists (select 1 from AgreementParty p"
                                + " where p.versionId = v.id and p.organisation = :org) order by v.agreementId, v.number",
                        Object[].class)
                .setParameter("by", by)
                .setParameter("org", organisation)
                .getResultStream()
                .map(r -> new VersionAt(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (Integer) r[3],
                        (AgreementState) r[4],
                        (String) r[5],
                        (String) r[6],
                        (Instant) r[7]))
                .toList();
    }

    /** The state of one version at {@code by}, empty when its history had not begun. */
    public Optional<AgreementState> stateOf(UUID versionId, Instant by) {
        return em.createQuery(
                        "select h.toState from AgreementVersion v, AgreementHistory h where v.id = :id"
                                + " and h.agreementId = v.agreementId and h.versionNumber = v.number and "
                                + LAST_ROW_BY,
                        AgreementState.class)
                .setParameter("id", versionId)
                .setParameter("by", by)
                .getResultStream()
                .findFirst();
    }

    /** Every activation of the agreements written by {@code by}, in the order written: the access window's past. */
    public List<Activation> activations(Collection<UUID> agreementIds, Instant by) {
        if (agreementIds.isEmpty()) {
            return List.of();
        }
        // one agreement (the usual decision) by equality, so that Hibernate keeps the query's translation
        boolean one = agreementIds.size() == 1;
        return em.createQuery(
                        "select v.agreementId, v.id, v.contentHash, v.content, v.effectiveFrom"
                                + " from AgreementHistory h, AgreementVersion v where h.agreementId"
                                + (one ? " = :ids" : " in :ids")
                                + " and h.action = 'ACTIVATED' and h.at <= :by and v.agreementId = h.agreementId"
                                + " and v.number = h.versionNumber order by h.seq",
                        Object[].class)
                .setParameter("ids", one ? agreementIds.iterator().next() : agreementIds)
                .setParameter("by", by)
                .getResultStream()
                .map(r -> new Activation((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (Instant) r[4]))
                .toList();
    }
}
