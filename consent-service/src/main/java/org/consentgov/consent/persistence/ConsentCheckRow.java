package org.consentgov.consent.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentState;

/**
 * What the check API reads of a consent record: the columns its answer needs, read as a projection (a JPQL
 * constructor expression), so that a check loads no entity and its transaction has nothing to dirty-check.
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
        Instant changedAt) {

    /** The select list of {@link ConsentRecordRepository}'s check queries, in the constructor's order. */
    static final String SELECT = """
            select new org.consentgov.consent.persistence.ConsentCheckRow(
              r.id, r.subjectId, r.noticeVersion, r.noticeContentHash, r.state, r.effective, r.purposes,
              r.missingParties, r.recordedAt, r.givenOn, r.effectiveFrom, r.endedAt, r.expiresAt,
              r.reconsentRequired, r.historyLength, r.changedAt)
            from ConsentRecord r""";
}
