package org.consentgov.consent.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.platform.persistence.EvidenceEntry;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One link of a record's hash chain. Append-only: the database refuses updates and deletes. */
@Entity
@Table(name = "consent_history")
public class HistoryEntry extends EvidenceEntry {

    @Id
    public UUID id;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false, length = 40)
    public String event;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 20)
    public ConsentState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 20)
    public ConsentState toState;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "prev_hash", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String prevHash;

    @Column(nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String hash;
}
