package org.consentgov.consent.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A consent record pinned to one notice version. Its state changes only through history entries. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "notice_slug", nullable = false, length = 80)
    public String noticeSlug;

    @Column(name = "notice_version", nullable = false)
    public int noticeVersion;

    @Column(name = "notice_content_hash", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String noticeContentHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> purposes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_categories", nullable = false, columnDefinition = "text[]")
    public List<String> dataCategories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ConsentState state;

    @Column(nullable = false)
    public boolean effective;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "missing_parties", nullable = false, columnDefinition = "text[]")
    public List<String> missingParties;

    @Column(name = "collection_method", nullable = false, length = 40)
    public String collectionMethod;

    @Column(name = "form_issued_on")
    public LocalDate formIssuedOn;

    @Column(name = "form_received_on", nullable = false)
    public LocalDate formReceivedOn;

    /** The day the form was signed (valid time): the record counts from the start of this London day. */
    @Column(name = "given_on", nullable = false)
    public LocalDate givenOn;

    /** The first instant it no longer counts: the notice's consentDuration after {@link #givenOn}; null: no end. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The day the withdrawal was asked for, once withdrawn. */
    @Column(name = "withdrawal_requested_on")
    public LocalDate withdrawalRequestedOn;

    /** When the newest history entry was recorded (see {@code ConsentHistory#entry}). */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "evidence_reference", length = 200)
    public String evidenceReference;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_org", length = 80)
    public String recordedOrg;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "withdrawal_window_ends_on")
    public LocalDate withdrawalWindowEndsOn;

    @Column(name = "withdrawal_any_time", nullable = false)
    public boolean withdrawalAnyTime;

    @Column(name = "reconsent_required", nullable = false)
    public boolean reconsentRequired;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "history_length", nullable = false)
    public int historyLength;

    @Column(name = "history_head", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String historyHead;

    @OneToMany(mappedBy = "record", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    @BatchSize(size = 100)
    public List<ConsentParty> parties = new ArrayList<>();

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
