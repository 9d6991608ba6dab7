package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.platform.persistence.EvidenceEntry;

/** Append-only evidence of a change to an agreement: who, when, which version, from which state to which, why. */
@Entity
@Table(name = "agreement_history")
public class AgreementHistory extends EvidenceEntry {

    @Id
    public UUID id;

    /** Written by the database: the order of the history. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(nullable = false, length = 30)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 20)
    public AgreementState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", length = 20)
    public AgreementState toState;

    @Column(name = "actor_org", length = 80)
    public String actorOrg;

    @Column(name = "content_hash", length = 64, columnDefinition = "bpchar(64)")
    public String contentHash;
}
