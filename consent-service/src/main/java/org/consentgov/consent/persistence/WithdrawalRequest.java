package org.consentgov.consent.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A withdrawal asked for after the window closed: stored and referred to the DPO, never dropped. */
@Entity
@Table(name = "withdrawal_request")
public class WithdrawalRequest {

    public enum Status {
        REFERRED,
        ACCEPTED,
        DECLINED
    }

    @Id
    public UUID id;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    @Column(name = "requested_by", nullable = false, length = 20)
    public String requestedBy;

    @Column(length = 100)
    public String channel;

    @Column(length = 1000)
    public String reason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The day the child or parent asked (valid time); {@link #receivedAt} is when it was keyed. */
    @Column(name = "requested_on", nullable = false)
    public LocalDate requestedOn;

    @Column(name = "window_ended_on", nullable = false)
    public LocalDate windowEndedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_note", length = 1000)
    public String resolutionNote;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
