package org.consentgov.notice.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.consentgov.platform.persistence.CreatedEntity;

/** A privacy notice: a stable slug that its versions hang from. */
@Entity
@Table(name = "notice")
public class Notice extends CreatedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 80)
    public String slug;
}
