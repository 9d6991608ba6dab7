package org.consentgov.agreement.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A domain event, written in the transaction of the change it describes. Append-only. */
@Entity
@Table(name = "agreement_event")
public class AgreementEvent {

    @Id
    public UUID id;

    /** Written by the database: the order events were raised in. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "aggregate_type", nullable = false, length = 30)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(nullable = false, length = 60)
    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;
}
