package org.consentgov.notice.impact;

import org.consentgov.notice.api.NoticeMapper;
import org.consentgov.notice.impact.NoticeImpactResource.ConsentImpact;
import org.consentgov.notice.impact.NoticeImpactResource.ImpactView;
import org.consentgov.notice.impact.NoticeImpactResource.LinkedAgreement;

/** Builds the impact view from the dry run's result. */
public final class NoticeImpactMapper {

    private NoticeImpactMapper() {}

    public static ImpactView view(PublicationImpact impact) {
        PublicationImpact.PinnedConsents pinned = impact.consents();
        return new ImpactView(
                impact.slug(),
                impact.version(),
                impact.publishedVersion(),
                impact.material(),
                impact.reasons(),
                NoticeMapper.changes(impact.changes()),
                pinned == null ? null : new ConsentImpact(pinned.active(), pinned.byVersion()),
                impact.agreements() == null
                        ? null
                        : impact.agreements().stream()
                                .map(NoticeImpactMapper::agreement)
                                .toList(),
                impact.notes());
    }

    static LinkedAgreement agreement(PublicationImpact.AgreementLink a) {
        return new LinkedAgreement(
                a.id(), a.reference(), a.title(), a.state(), a.effectiveVersion(), a.openVersion(), a.parties());
    }
}
