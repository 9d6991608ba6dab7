package org.consentgov.agreement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The agreements' in-force state locks: PostgreSQL advisory locks, released when the transaction ends. Decisions share
 * one; a change of the agreement's state takes it alone, so decisions never wait for each other, only for a change.
 */
@ApplicationScoped
public class AgreementStateLocks {

    /** The key space of the locks (two-int keys: apart from single-key advisory locks). */
    static final int IN_FORCE_STATE_LOCKS = 0x41475245;

    private final EntityManager entityManager;

    public AgreementStateLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Waits for any change of the agreement's state in progress and keeps the next from starting until the
     * caller's transaction ends: shared, so that decisions relying on one agreement never wait for each other.
     */
    public void holdInForceState(UUID agreementId) {
        advisoryLock("pg_advisory_xact_lock_shared", agreementId);
    }

    /**
     * Waits for the decisions relying on the agreement to be written, and holds new ones back until the caller's
     * transaction ends: taken before the agreement's row, whose key decisions share through their foreign keys.
     */
    public void lockInForceState(UUID agreementId) {
        advisoryLock("pg_advisory_xact_lock", agreementId);
    }

    private void advisoryLock(String function, UUID agreementId) {
        entityManager
                .createNativeQuery("select true from " + function + "(?1, ?2)")
                .setParameter(1, IN_FORCE_STATE_LOCKS)
                .setParameter(2, agreementId.hashCode())
                .getSingleResult();
    }
}
