package org.consentgov.agreement.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.consentgov.agreement.api.AgreementOverviewViews.AgreementDeadlineView;
import org.consentgov.agreement.api.AgreementOverviewViews.AgreementOverviewView;
import org.consentgov.agreement.domain.AgreementOverview;

/** Builds the dashboard's view from the domain's {@link AgreementOverview}, keeping the lifecycle order of states. */
final class AgreementOverviewMapper {

    private AgreementOverviewMapper() {}

    static AgreementOverviewView view(AgreementOverview o) {
        Map<String, Long> byState = new LinkedHashMap<>();
        o.byState().forEach((state, n) -> byState.put(state.name(), n));
        return new AgreementOverviewView(
                o.asOf(),
                o.today(),
                o.days(),
                o.total(),
                byState,
                o.upcoming().stream()
                        .map(d -> new AgreementDeadlineView(
                                d.agreementId(),
                                d.reference(),
                                d.title(),
                                d.state(),
                                d.kind(),
                                d.date(),
                                d.daysFromNow()))
                        .toList());
    }
}
