package org.consentgov.consent.api;

import java.util.List;
import org.consentgov.consent.api.ConsentRequests.IdentifierRequest;
import org.consentgov.consent.api.ConsentRequests.PartyRequest;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentRequests.Resolution;
import org.consentgov.consent.api.ConsentRequests.SubjectRequest;
import org.consentgov.consent.api.ConsentRequests.WithdrawRequest;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.domain.ConsentCommands.LateWithdrawalResolution;
import org.consentgov.consent.domain.ConsentCommands.NoticePin;
import org.consentgov.consent.domain.ConsentCommands.PartyDecision;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.domain.ConsentCommands.SubjectDetails;
import org.consentgov.consent.domain.ConsentCommands.Withdraw;

/** Request bodies (Bean-Validated) to the domain's commands. */
public final class ConsentRequestMapper {

    private ConsentRequestMapper() {}

    public static RecordConsent command(RecordConsentRequest r) {
        return new RecordConsent(
                r.subject() == null ? null : subject(r.subject()),
                r.subjectId(),
                r.notice() == null
                        ? null
                        : new NoticePin(
                                r.notice().slug(),
                                r.notice().version(),
                                r.notice().contentHash()),
                r.purposes(),
                r.dataCategories(),
                r.parties() == null
                        ? List.of()
                        : r.parties().stream().map(ConsentRequestMapper::party).toList(),
                r.collectionMethod() == null ? null : r.collectionMethod().name(),
                r.formIssuedOn(),
                r.formReceivedOn(),
                r.evidenceReference(),
                r.givenOn());
    }

    public static SubjectDetails subject(SubjectRequest s) {
        return new SubjectDetails(
                s.identifiers() == null
                        ? List.of()
                        : s.identifiers().stream()
                                .map(ConsentRequestMapper::identifier)
                                .toList(),
                s.dateOfBirth());
    }

    public static Identifier identifier(IdentifierRequest i) {
        return new Identifier(i.system(), i.value());
    }

    public static PartyDecision party(PartyRequest p) {
        return new PartyDecision(p.role(), p.relationship(), p.decision(), p.capacity(), p.assessedOn(), p.decidedOn());
    }

    public static Withdraw withdraw(WithdrawRequest w) {
        return new Withdraw(w.requestedBy(), w.channel(), w.reason(), w.requestedOn());
    }

    public static LateWithdrawalResolution resolution(Resolution r) {
        return switch (r) {
            case ACCEPT -> LateWithdrawalResolution.ACCEPT;
            case DECLINE -> LateWithdrawalResolution.DECLINE;
        };
    }
}
