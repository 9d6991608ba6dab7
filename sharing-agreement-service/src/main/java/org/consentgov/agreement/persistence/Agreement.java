package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.platform.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An agreement: its stable reference, its state as a whole and the version numbers that matter now. Every
 * change to the agreement or any of its versions touches this row, so its row version is the one ETag.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 80)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AgreementState state;

    /** The version that is in force (ACTIVE or SUSPENDED), or was last in force before the agreement ended. */
    @Column(name = "effective_version")
    public Integer effectiveVersion;

    /** The version being drafted or signed, if any. */
    @Column(name = "open_version")
    public Integer openVersion;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    /** When the limited recipients' access started: set when an access limit first comes into force. */
    @Column(name = "access_started_at")
    public Instant accessStartedAt;

    @Column(name = "access_ends_at")
    public Instant accessEndsAt;

    @Column(name = "access_ending_notified_at")
    public Instant accessEndingNotifiedAt;

    @Column(name = "access_ended_notified_at")
    public Instant accessEndedNotifiedAt;

    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    /** The review date for which agreement.review-due was raised, so that it is raised once. */
    @Column(name = "review_notified_for")
    public LocalDate reviewNotifiedFor;

    /** A notice the version in force links changed materially since the last review (V3). */
    @Column(name = "review_required", nullable = false)
    public boolean reviewRequired;

    /**
     * The material notice changes that flagged it, as a JSON array of {@code NoticeChange} (domain), oldest first;
     * emptied by the next review.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "review_notice_changes", nullable = false, columnDefinition = "jsonb")
    public String reviewNoticeChanges = "[]";

    /** The version to show when none is named: the one in force (or last in force), else the latest. */
    public int currentVersion() {
        return effectiveVersion != null ? effectiveVersion : latestVersion;
    }
}
