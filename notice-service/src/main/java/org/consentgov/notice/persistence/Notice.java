package org.consentgov.notice.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A privacy notice: a stable slug that its versions hang from. */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
