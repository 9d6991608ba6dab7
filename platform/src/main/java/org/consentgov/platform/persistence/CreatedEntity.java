package org.consentgov.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns of an entity that is created once and then only versioned: who created the row, when, and the
 * row version that is both its optimistic lock and its ETag. The columns are the same in every service's schema.
 */
@MappedSuperclass
public abstract class CreatedEntity {

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
