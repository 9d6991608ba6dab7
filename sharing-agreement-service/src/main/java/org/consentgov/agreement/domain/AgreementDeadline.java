package org.consentgov.agreement.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One date of an agreement in force on the dashboard's timeline: a day in Europe/London and how many days from
 * today it is (negative for a review already overdue).
 */
public record AgreementDeadline(
        UUID agreementId,
        String reference,
        String title,
        AgreementState state,
        DeadlineKind kind,
        LocalDate date,
        long daysFromNow) {}
