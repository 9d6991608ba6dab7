package org.consentgov.consent.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.consentgov.consent.api.ConsentSummaryViews.ConsentSummaryView;
import org.consentgov.consent.api.ConsentSummaryViews.NoticeConsentCountsView;
import org.consentgov.consent.api.ConsentSummaryViews.WithdrawalRequestCountsView;
import org.consentgov.consent.domain.ConsentSummary;

/** Builds the dashboard's view from the domain's {@link ConsentSummary}, keeping the enums' order of the counts. */
final class ConsentSummaryMapper {

    private ConsentSummaryMapper() {}

    static ConsentSummaryView view(ConsentSummary s) {
        ConsentSummary.WithdrawalCounts w = s.withdrawalRequests();
        return new ConsentSummaryView(
                s.asOf(),
                s.total(),
                byName(s.byState()),
                s.reconsentRequired(),
                s.byNotice().stream()
                        .map(n -> new NoticeConsentCountsView(
                                n.slug(), n.version(), n.total(), byName(n.byState()), n.reconsentRequired()))
                        .toList(),
                new WithdrawalRequestCountsView(
                        w.total(), byName(w.byStatus()), w.awaitingResolution(), w.oldestAwaitingSince()));
    }

    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((key, count) -> named.put(key.name(), count));
        return named;
    }
}
