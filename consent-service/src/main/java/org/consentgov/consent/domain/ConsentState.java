package org.consentgov.consent.domain;

/**
 * The states of a consent record. ACTIVE and REFUSED are where a record starts; the others end it.
 * Every change is an append-only, hash-chained history entry.
 */
public enum ConsentState {
    /** Recorded and in force; effective once every required party has given consent. */
    ACTIVE,
    /** A required party, or the child, refused. */
    REFUSED,
    /** Withdrawn by or for the person; stops new use only. */
    WITHDRAWN,
    /** Past its end date. */
    EXPIRED,
    /** Replaced by a newer record for the same subject and notice. */
    SUPERSEDED,
    /** Recorded in error; never counted, not even for past dates. */
    INVALIDATED
}
