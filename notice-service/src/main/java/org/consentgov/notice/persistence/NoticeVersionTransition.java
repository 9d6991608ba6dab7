package org.consentgov.notice.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.consentgov.notice.domain.VersionState;

/** Append-only evidence of a version's state change. */
@Entity
@Table(name = "notice_version_transition")
public class NoticeVersionTransition {

    @Id
    public UUID id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 20)
    public VersionState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 20)
    public VersionState toState;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(length = 1000)
    public String reason;

    @Column(name = "content_hash", length = 64, columnDefinition = "bpchar(64)")
    public String contentHash;
}
