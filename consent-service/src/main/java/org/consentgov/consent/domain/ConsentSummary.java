package org.consentgov.consent.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentgov.consent.persistence.ConsentRecordRepository.StateCount;
import org.consentgov.consent.persistence.WithdrawalRequest;
import org.consentgov.consent.persistence.WithdrawalRequestRepository.StatusCount;

/**
 * What the DPO's dashboard shows of consent-service: counts only, no subject and no record. Every state and every
 * withdrawal-request status is present, with zero when nothing is in it.
 *
 * @param total every record, whatever its state (the sum of {@code byState})
 * @param reconsentRequired ACTIVE records flagged for re-consent by a material notice change: still in force, and
 *     the person should be asked again. A record that has since ended keeps its flag in its history but is no longer
 *     counted here.
 */
public record ConsentSummary(
        Instant asOf,
        long total,
        Map<ConsentState, Long> byState,
        long reconsentRequired,
        List<NoticeCounts> byNotice,
        WithdrawalCounts withdrawalRequests) {

    /** The records pinned to one version of one notice. */
    public record NoticeCounts(
            String slug, int version, long total, Map<ConsentState, Long> byState, long reconsentRequired) {}

    /**
     * Late withdrawal requests by status; {@code awaitingResolution} are the REFERRED ones, the DPO's queue, the
     * oldest received at {@code oldestAwaitingSince} (null when the queue is empty).
     */
    public record WithdrawalCounts(
            long total,
            Map<WithdrawalRequest.Status, Long> byStatus,
            long awaitingResolution,
            Instant oldestAwaitingSince) {}

    /** Folds the GROUP BY rows (any order) into the summary: totals, zeros for empty states, notices by slug and version. */
    public static ConsentSummary of(Instant asOf, List<StateCount> records, List<StatusCount> withdrawals) {
        Map<ConsentState, Long> byState = zeroStates();
        long flagged = 0;
        Map<String, Map<Integer, List<StateCount>>> perNotice = new java.util.TreeMap<>();
        for (StateCount row : records) {
            byState.merge(row.state(), row.records(), Long::sum);
            if (row.state() == ConsentState.ACTIVE) {
                flagged += row.reconsentRequired();
            }
            perNotice
                    .computeIfAbsent(row.noticeSlug(), s -> new java.util.TreeMap<>())
                    .computeIfAbsent(row.noticeVersion(), v -> new ArrayList<>())
                    .add(row);
        }
        List<NoticeCounts> byNotice = new ArrayList<>();
        perNotice.forEach((slug, versions) -> versions.forEach((version, rows) -> {
            Map<ConsentState, Long> states = zeroStates();
            long noticeFlagged = 0;
            for (StateCount row : rows) {
                states.merge(row.state(), row.records(), Long::sum);
                if (row.state() == ConsentState.ACTIVE) {
                    noticeFlagged += row.reconsentRequired();
                }
            }
            byNotice.add(new NoticeCounts(slug, version, sum(states), frozen(states), noticeFlagged));
        }));
        return new ConsentSummary(
                asOf, sum(byState), frozen(byState), flagged, List.copyOf(byNotice), withdrawals(withdrawals));
    }

    private static WithdrawalCounts withdrawals(List<StatusCount> rows) {
        Map<WithdrawalRequest.Status, Long> byStatus = new EnumMap<>(WithdrawalRequest.Status.class);
        for (WithdrawalRequest.Status status : WithdrawalRequest.Status.values()) {
            byStatus.put(status, 0L);
        }
        Instant oldestReferred = null;
        for (StatusCount row : rows) {
            byStatus.merge(row.status(), row.requests(), Long::sum);
            if (row.status() == WithdrawalRequest.Status.REFERRED) {
                oldestReferred = row.oldestReceivedAt();
            }
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new WithdrawalCounts(
                total,
                Collections.unmodifiableMap(new LinkedHashMap<>(byStatus)),
                byStatus.get(WithdrawalRequest.Status.REFERRED),
                oldestReferred);
    }

    private static Map<ConsentState, Long> zeroStates() {
        Map<ConsentState, Long> states = new EnumMap<>(ConsentState.class);
        for (ConsentState state : ConsentState.values()) {
            states.put(state, 0L);
        }
        return states;
    }

    private static long sum(Map<ConsentState, Long> states) {
        return states.values().stream().mapToLong(Long::longValue).sum();
    }

    /** In the enums' order, which is the order the JSON shows. */
    private static Map<ConsentState, Long> frozen(Map<ConsentState, Long> states) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }
}
