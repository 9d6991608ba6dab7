package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A party's signature of one version, fixed to the content hash it signed. Append-only. */
@Entity
@Table(name = "agreement_signature")
public class AgreementSignature {

    @Id
    public UUID id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "organisation_slug", nullable = false, length = 80)
    public String organisation;

    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    @Column(name = "content_hash", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String contentHash;
}
