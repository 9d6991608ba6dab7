package org.consentgov.notice.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.consentgov.notice.domain.VersionState;
import org.consentgov.platform.persistence.EvidenceEntry;

/** Append-only evidence of a version's state change. */
@Entity
@Table(name = "notice_version_transition")
public class NoticeVersionTransition extends EvidenceEntry {

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

    @Column(name = "content_hash", length = 64, columnDefinition = "bpchar(64)")
    public String contentHash;
}
