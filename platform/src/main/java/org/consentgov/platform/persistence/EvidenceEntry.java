package org.consentgov.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * Who, when and why of an append-only evidence row (a record's history entry, a version's state transition).
 * Such rows are only ever inserted, so they carry no row version.
 */
@MappedSuperclass
public abstract class EvidenceEntry {

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(length = 1000)
    public String reason;
}
