package org.consentgov.consent.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.consentgov.consent.domain.Capacity;
import org.consentgov.consent.domain.Decision;

/** One party's own decision on a record. Parties are only ever added, never changed. */
@Entity
@Table(name = "consent_party")
public class ConsentParty {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "record_id", nullable = false)
    public ConsentRecord record;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 20)
    public String role;

    @Column(length = 100)
    public String relationship;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Capacity capacity;

    @Column(name = "assessed_by")
    public String assessedBy;

    @Column(name = "assessed_on")
    public LocalDate assessedOn;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
