package org.consentgov.agreement.domain;

/**
 * The lifecycle of an agreement version: DRAFT → PENDING_SIGNATURE → ACTIVE ⇄ SUSPENDED → EXPIRED | TERMINATED.
 * A version replaced by a signed variation becomes SUPERSEDED and stays readable.
 */
public enum AgreementState {
    DRAFT,
    PENDING_SIGNATURE,
    ACTIVE,
    SUSPENDED,
    EXPIRED,
    TERMINATED,
    SUPERSEDED;

    /** In force: the version that decisions rely on (ACTIVE), or one paused (SUSPENDED). */
    public boolean inForce() {
        return this == ACTIVE || this == SUSPENDED;
    }

    /** Still being prepared: editable (DRAFT) or waiting for signatures. */
    public boolean open() {
        return this == DRAFT || this == PENDING_SIGNATURE;
    }

    /** Over for good. */
    public boolean ended() {
        return this == EXPIRED || this == TERMINATED;
    }
}
