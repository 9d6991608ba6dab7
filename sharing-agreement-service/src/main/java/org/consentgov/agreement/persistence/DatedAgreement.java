package org.consentgov.agreement.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;

/** The dates of one agreement in force, as stored: the agreement's next review and access end, its version's end. */
public record DatedAgreement(
        UUID agreementId,
        String reference,
        String title,
        AgreementState state,
        LocalDate nextReviewOn,
        Instant accessEndsAt,
        LocalDate endDate) {}
