package org.consentgov.consent.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentState;

/**
 * What the check API reads of a consent record: the columns its answer needs, read by {@link ConsentCheckQueries}
 * without loading an entity, so that a check's transaction has nothing to dirty-check.
 */
public record ConsentCheckRow(
        UUID id,
        UUID subjectId,
        int noticeVersion,
        String noticeContentHash,
        ConsentState state,
        boolean effective,
        List<String> purposes,
        List<String> missingParties,
        Instant recordedAt,
        LocalDate givenOn,
        Instant effectiveFrom,
        Instant endedAt,
        Instant expiresAt,
        boolean reconsentRequired,
        int historyLength,
        Instant changedAt) {}
