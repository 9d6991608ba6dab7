package org.consentgov.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One numbered version of a document the suite publishes or signs (a notice, an agreement): its title, its
 * content as JSON and, from the moment the content is frozen, the SHA-256 of its canonical JSON ({@code
 * CanonicalJson.sha256}). The state of the version is the subclass's own, since each document has its own states.
 */
@MappedSuperclass
public abstract class DocumentVersion extends AuditedEntity {

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = 200)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String content;

    @Column(name = "content_hash", length = 64, columnDefinition = "bpchar(64)")
    public String contentHash;
}
