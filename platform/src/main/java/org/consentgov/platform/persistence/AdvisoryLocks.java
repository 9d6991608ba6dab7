package org.consentgov.platform.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-scoped advisory locks, for scheduled jobs that several replicas run: the replica that
 * gets the lock does the work, the others skip this round, and the lock is released when the transaction ends
 * (commit, rollback or a lost connection), so no replica can hold it for ever. Each service has its own database,
 * so a key needs to be unique within a service only.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {}

    /** Takes the lock for the rest of the caller's transaction if no one holds it; false when another does. */
    public static boolean tryForTransaction(EntityManager em, long key) {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, key)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
