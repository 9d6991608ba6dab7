package org.consentgov.consent.api;

import java.util.List;
import org.consentgov.consent.api.ConsentViews.CheckView;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.api.ConsentViews.HistoryEntryView;
import org.consentgov.consent.api.ConsentViews.IdentifierView;
import org.consentgov.consent.api.ConsentViews.NoticeRef;
import org.consentgov.consent.api.ConsentViews.PartyView;
import org.consentgov.consent.api.ConsentViews.SubjectView;
import org.consentgov.consent.api.ConsentViews.VerificationView;
import org.consentgov.consent.api.ConsentViews.WithdrawalOutcome;
import org.consentgov.consent.api.ConsentViews.WithdrawalRequestView;
import org.consentgov.consent.domain.ConsentCheck;
import org.consentgov.consent.domain.ConsentCheckService.CheckResult;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentQueries.HistoryVerification;
import org.consentgov.consent.domain.ConsentWithdrawals.WithdrawalResult;
import org.consentgov.consent.domain.SubjectService.SubjectProfile;
import org.consentgov.consent.domain.WithdrawalDecision;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.consent.persistence.WithdrawalRequest;

/** The domain's results as the API shows them. Pure: everything shown was loaded by the domain. */
public final class ConsentRecordMapper {

    /** The outcome strings of {@link WithdrawalOutcome}, as the API has always spelt them. */
    static final String WITHDRAWN = "WITHDRAWN";

    static final String REFERRED = "REFERRED";

    private ConsentRecordMapper() {}

    public static ConsentRecordView view(ConsentDetails details) {
        ConsentRecord r = details.record();
        return new ConsentRecordView(
                r.id,
                r.subjectId,
                identifiers(details.identifiers()),
                new NoticeRef(r.noticeSlug, r.noticeVersion, r.noticeContentHash),
                r.purposes,
                r.dataCategories,
                r.decision,
                r.state,
                r.effective,
                r.missingParties,
                r.parties.stream()
                        .map(p -> new PartyView(
                                p.role,
                                p.relationship,
                                p.decision,
                                p.capacity,
                                p.assessedBy,
                                p.assessedOn,
                                p.decidedOn))
                        .toList(),
                r.collectionMethod,
                r.formIssuedOn,
                r.formReceivedOn,
                r.givenOn,
                r.evidenceReference,
                r.recordedBy,
                r.recordedOrg,
                r.recordedAt,
                r.withdrawalWindowEndsOn,
                r.reconsentRequired,
                r.effectiveFrom,
                r.endedAt,
                r.expiresAt,
                r.withdrawalRequestedOn,
                r.historyLength,
                r.rowVersion);
    }

    public static SubjectView view(SubjectProfile profile) {
        return new SubjectView(
                profile.subject().id,
                profile.subject().dateOfBirth,
                identifiers(profile.identifiers()),
                profile.subject().createdAt,
                profile.subject().rowVersion);
    }

    public static HistoryEntryView view(HistoryEntry h) {
        return new HistoryEntryView(
                h.seq, h.event, h.fromState, h.toState, h.actor, h.at, h.reason, h.prevHash, h.hash);
    }

    public static VerificationView view(HistoryVerification v) {
        return new VerificationView(v.recordId(), v.valid(), v.entries(), v.problems());
    }

    public static WithdrawalRequestView view(WithdrawalRequest w) {
        return new WithdrawalRequestView(
                w.id,
                w.recordId,
                w.requestedBy,
                w.channel,
                w.reason,
                w.receivedAt,
                w.requestedOn,
                w.windowEndedOn,
                w.status.name(),
                w.recordedBy,
                w.resolvedBy,
                w.resolvedAt,
                w.resolutionNote);
    }

    public static WithdrawalOutcome view(WithdrawalResult result) {
        return new WithdrawalOutcome(
                result.decision() == WithdrawalDecision.WITHDRAWN ? WITHDRAWN : REFERRED,
                view(result.record()),
                result.referral() == null ? null : view(result.referral()));
    }

    public static CheckView view(CheckResult result) {
        ConsentCheck.Answer answer = result.answer();
        ConsentCheck.Candidate relied = answer.reliedOn();
        return new CheckView(
                answer.consented(),
                result.notice(),
                result.purpose(),
                result.at(),
                answer.reasons(),
                relied == null ? null : relied.id(),
                relied == null
                        ? null
                        : new NoticeRef(result.notice(), relied.noticeVersion(), relied.noticeContentHash()),
                relied == null ? null : relied.state(),
                relied == null ? null : relied.reconsentRequired(),
                result.knownAt(),
                relied == null ? null : relied.historyLength(),
                relied == null ? null : relied.expiresAt());
    }

    private static List<IdentifierView> identifiers(List<Identifier> identifiers) {
        return identifiers == null
                ? null
                : identifiers.stream()
                        .map(i -> new IdentifierView(i.system(), i.value()))
                        .toList();
    }
}
