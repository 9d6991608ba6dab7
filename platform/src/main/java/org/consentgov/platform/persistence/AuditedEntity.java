package org.consentgov.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** A {@link CreatedEntity} that is also changed in place, so it records who changed it last and when. */
@MappedSuperclass
public abstract class AuditedEntity extends CreatedEntity {

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
