package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.platform.persistence.DocumentVersion;

/**
 * One version of an agreement; its content is the AgreementContent as JSON. Once put up for signature its content
 * never changes (the database enforces it too).
 */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion extends DocumentVersion {

    @Id
    public UUID id;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AgreementState state;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** From when decisions may rely on it: the later of its start date and its activation. */
    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
