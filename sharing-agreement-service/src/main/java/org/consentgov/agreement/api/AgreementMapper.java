package org.consentgov.agreement.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.consentgov.agreement.api.AgreementViews.AccessWindowView;
import org.consentgov.agreement.api.AgreementViews.AgreementSummaryView;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.EventView;
import org.consentgov.agreement.api.AgreementViews.HistoryEntryView;
import org.consentgov.agreement.api.AgreementViews.NoticeChangeView;
import org.consentgov.agreement.api.AgreementViews.PartyView;
import org.consentgov.agreement.api.AgreementViews.VersionSummaryView;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.AgreementContentJson;
import org.consentgov.agreement.domain.AgreementDetails;
import org.consentgov.agreement.domain.AgreementSummary;
import org.consentgov.agreement.events.AgreementEvent;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementHistory;
import org.consentgov.agreement.persistence.AgreementSignature;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Organisation;

/** Builds the agreements API's views from what the domain returns. */
@ApplicationScoped
public class AgreementMapper {

    private final AgreementContentJson json;

    public AgreementMapper(AgreementContentJson json) {
        this.json = json;
    }

    public AgreementView view(AgreementDetails d) {
        Agreement a = d.agreement();
        AgreementVersion v = d.version();
        AgreementContent content = d.content();
        List<PartyView> parties = d.parties().stream()
                .map(p -> {
                    AgreementSignature s = d.signatures().get(p.organisation);
                    Organisation o = d.organisations().get(p.organisation);
                    return new PartyView(
                            p.organisation,
                            o == null ? null : o.name,
                            o == null ? null : o.type,
                            p.role,
                            s != null,
                            s == null ? null : s.signedBy,
                            s == null ? null : s.signedAt);
                })
                .toList();
        AccessWindowView window = a.accessEndsAt == null || content.accessLimit() == null
                ? null
                : new AccessWindowView(
                        content.accessLimit().recipients(),
                        a.accessStartedAt,
                        a.accessEndsAt,
                        content.accessLimit().after());
        return new AgreementView(
                a.id,
                a.reference,
                a.state,
                v.number,
                v.state,
                v.title,
                content,
                v.contentHash,
                v.effectiveFrom,
                v.activatedAt,
                v.endedAt,
                parties,
                d.awaitingSignature(),
                a.effectiveVersion,
                a.openVersion,
                a.latestVersion,
                window,
                a.nextReviewOn,
                a.reviewRequired,
                json.noticeChanges(a.reviewNoticeChanges).stream()
                        .map(c -> new NoticeChangeView(
                                c.notice(),
                                c.linkedVersion(),
                                c.previousVersion(),
                                c.version(),
                                c.reasons(),
                                c.noticeEventId(),
                                c.flaggedAt()))
                        .toList(),
                d.versions().stream().map(AgreementMapper::versionSummary).toList(),
                a.createdAt,
                a.createdBy,
                a.updatedAt,
                a.updatedBy,
                a.rowVersion);
    }

    static VersionSummaryView versionSummary(AgreementVersion x) {
        return new VersionSummaryView(
                x.number,
                x.state,
                x.title,
                x.contentHash,
                x.startDate,
                x.endDate,
                x.effectiveFrom,
                x.activatedAt,
                x.endedAt);
    }

    public AgreementSummaryView summary(AgreementSummary s) {
        Agreement a = s.agreement();
        AgreementVersion v = s.version();
        return new AgreementSummaryView(
                a.id,
                a.reference,
                v.title,
                a.state,
                a.effectiveVersion,
                a.openVersion,
                a.latestVersion,
                s.parties(),
                v.startDate,
                v.endDate,
                a.nextReviewOn,
                a.reviewRequired);
    }

    public HistoryEntryView history(AgreementHistory h) {
        return new HistoryEntryView(
                h.versionNumber, h.action, h.fromState, h.toState, h.actor, h.actorOrg, h.at, h.reason, h.contentHash);
    }

    public EventView event(AgreementEvent e) {
        return new EventView(
                e.id,
                e.type,
                e.aggregateType,
                e.aggregateId,
                e.agreementId,
                e.occurredAt,
                e.actor,
                json.tree(e.payload));
    }
}
