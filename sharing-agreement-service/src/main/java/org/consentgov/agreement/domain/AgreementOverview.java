package org.consentgov.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the DPO's dashboard shows of the agreements a caller may see: how many are in each state and the dates
 * coming up in the next {@code days} days. No personal data.
 *
 * @param byState every state an agreement as a whole can be in, zero when empty (SUPERSEDED is a state of versions
 *     only, never of an agreement, so it is not listed)
 */
public record AgreementOverview(
        Instant asOf,
        LocalDate today,
        int days,
        long total,
        Map<AgreementState, Long> byState,
        List<AgreementDeadline> upcoming) {

    /** The states an agreement as a whole takes, in lifecycle order. */
    public static final List<AgreementState> AGREEMENT_STATES = List.of(
            AgreementState.DRAFT,
            AgreementState.PENDING_SIGNATURE,
            AgreementState.ACTIVE,
            AgreementState.SUSPENDED,
            AgreementState.EXPIRED,
            AgreementState.TERMINATED);

    public static AgreementOverview of(
            Instant asOf, int days, Map<AgreementState, Long> counts, List<AgreementDeadline> upcoming) {
        Map<AgreementState, Long> byState = new EnumMap<>(AgreementState.class);
        AGREEMENT_STATES.forEach(s -> byState.put(s, 0L));
        counts.forEach((state, n) -> byState.merge(state, n, Long::sum));
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return new AgreementOverview(
                asOf,
                AgreementDates.day(asOf),
                days,
                total,
                Collections.unmodifiableMap(new LinkedHashMap<>(byState)),
                List.copyOf(upcoming));
    }
}
