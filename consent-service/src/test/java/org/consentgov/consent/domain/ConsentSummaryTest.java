package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.consentgov.consent.persistence.ConsentRecordRepository.StateCount;
import org.consentgov.consent.persistence.WithdrawalRequest.Status;
import org.consentgov.consent.persistence.WithdrawalRequestRepository.StatusCount;
import org.junit.jupiter.api.Test;

class ConsentSummaryTest {

    static final Instant NOW = Instant.parse("2026-03-25T10:00:00Z");

    @Test
    void nothingRecordedIsEveryStateAndStatusAtZero() {
        ConsentSummary summary = ConsentSummary.of(NOW, List.of(), List.of());

        assertThat(summary.total()).isZero();
        assertThat(summary.byState())
                .containsOnlyKeys(ConsentState.values())
                .allSatisfy((s, n) -> assertThat(n).isZero());
        assertThat(summary.byNotice()).isEmpty();
        assertThat(summary.withdrawalRequests().byStatus()).containsOnlyKeys(Status.values());
        assertThat(summary.withdrawalRequests().awaitingResolution()).isZero();
        assertThat(summary.withdrawalRequests().oldestAwaitingSince()).isNull();
    }

    @Test
    void rowsFoldIntoStatesAndNoticeVersionsInOrderAndOnlyActiveFlagsCount() {
        Instant oldest = NOW.minusSeconds(86_400);
        ConsentSummary summary = ConsentSummary.of(
                NOW,
                List.of(
                        new StateCount("b-notice", 1, ConsentState.ACTIVE, 4, 1),
                        new StateCount("a-notice", 2, ConsentState.ACTIVE, 2, 0),
                        new StateCount("a-notice", 1, ConsentState.SUPERSEDED, 3, 3),
                        new StateCount("a-notice", 1, ConsentState.ACTIVE, 5, 2)),
                List.of(new StatusCount(Status.DECLINED, 1, NOW), new StatusCount(Status.REFERRED, 2, oldest)));

        assertThat(summary.asOf()).isEqualTo(NOW);
        assertThat(summary.total()).isEqualTo(14);
        assertThat(summary.byState().get(ConsentState.ACTIVE)).isEqualTo(11);
        assertThat(summary.byState().get(ConsentState.SUPERSEDED)).isEqualTo(3);
        assertThat(summary.byState().get(ConsentState.WITHDRAWN)).isZero();
        assertThat(summary.reconsentRequired()).isEqualTo(3);
        assertThat(summary.byNotice())
                .extracting(
                        n -> n.slug() + "@" + n.version(),
                        ConsentSummary.NoticeCounts::total,
                        n -> n.reconsentRequired())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a-notice@1", 8L, 2L),
                        org.assertj.core.groups.Tuple.tuple("a-notice@2", 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("b-notice@1", 4L, 1L));
        assertThat(summary.byNotice().get(0).byState()).containsOnlyKeys(ConsentState.values());
        assertThat(summary.withdrawalRequests().total()).isEqualTo(3);
        assertThat(summary.withdrawalRequests().awaitingResolution()).isEqualTo(2);
        assertThat(summary.withdrawalRequests().byStatus().get(Status.ACCEPTED)).isZero();
        assertThat(summary.withdrawalRequests().oldestAwaitingSince()).isEqualTo(oldest);
    }
}
