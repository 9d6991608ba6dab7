package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.domain.SharingPolicy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sharing decision as it was taken: the question, the answer, its reasons and what it relied on. Append-only. */
@Entity
@Table(name = "sharing_decision")
public class SharingDecision {

    @Id
    public UUID id;

    /** Recorded time: when it was decided, and so what the records said (knownAt of a replay). */
    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** Valid time: the time the question was about. */
    @Column(nullable = false)
    public Instant at;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requester_org", length = 80)
    public String requesterOrg;

    @Column(nullable = false, length = 80)
    public String recipient;

    @Column(name = "subject_system", nullable = false, length = 30)
    public String subjectSystem;

    @Column(name = "subject_value", nullable = false, length = 64)
    public String subjectValue;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> categories;

    @Column(nullable = false, length = 80)
    public String purpose;

    @Column(name = "transfer_method", length = 40)
    public String transferMethod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public SharingPolicy.Decision outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String obligations;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "agreement_reference", length = 80)
    public String agreementReference;

    @Column(name = "agreement_version")
    public Integer agreementVersion;

    @Column(name = "notice_slug", length = 80)
    public String noticeSlug;

    @Column(name = "notice_version")
    public Integer noticeVersion;

    @Column(name = "notice_hash", length = 64, columnDefinition = "bpchar(64)")
    public String noticeHash;

    @Column(name = "consent_record_id")
    public UUID consentRecordId;

    /** How many history entries the consent record had when consent-service answered (as known at decidedAt). */
    @Column(name = "consent_history_length")
    public Integer consentHistoryLength;

    @Column(name = "request_id", length = 128)
    public String requestId;
}
