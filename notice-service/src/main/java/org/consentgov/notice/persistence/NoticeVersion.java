package org.consentgov.notice.persistence;

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
import java.util.List;
import java.util.UUID;
import org.consentgov.notice.domain.VersionState;
import org.consentgov.platform.persistence.DocumentVersion;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a notice; its content is the NoticeContent as JSON. Once published, its content and hash never change
 * (the database enforces it too).
 */
@Entity
@Table(name = "notice_version")
public class NoticeVersion extends DocumentVersion {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id", nullable = false)
    public Notice notice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public VersionState state;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "material_change")
    public Boolean materialChange;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "material_reasons", columnDefinition = "text[]")
    public List<String> materialReasons;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_by")
    public String retiredBy;

    @Column(name = "retired_reason", length = 1000)
    public String retiredReason;
}
