package org.consentgov.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.CollectionMethod;
import org.consentgov.consent.api.ConsentRequests.IdentifierRequest;
import org.consentgov.consent.api.ConsentRequests.NoticeRefRequest;
import org.consentgov.consent.api.ConsentRequests.PartyRequest;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentRequests.Resolution;
import org.consentgov.consent.api.ConsentRequests.SubjectRequest;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.api.ConsentViews.WithdrawalOutcome;
import org.consentgov.consent.domain.Capacity;
import org.consentgov.consent.domain.ConsentCheck;
import org.consentgov.consent.domain.ConsentCheckService.CheckResult;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.domain.ConsentCommands.LateWithdrawalResolution;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.ConsentWithdrawals.WithdrawalResult;
import org.consentgov.consent.domain.Decision;
import org.consentgov.consent.domain.WithdrawalDecision;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.WithdrawalRequest;
import org.junit.jupiter.api.Test;

class ConsentRecordMapperTest {

    static ConsentRecord record() {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.subjectId = UUID.randomUUID();
        r.noticeSlug = "what-it-means-to-me";
        r.noticeVersion = 2;
        r.noticeContentHash = "c".repeat(64);
        r.purposes = List.of("research");
        r.dataCategories = List.of("special.health");
        r.decision = Decision.GIVEN;
        r.state = ConsentState.ACTIVE;
        r.effective = true;
        r.missingParties = List.of();
        r.collectionMethod = "PAPER_FORM";
        r.formReceivedOn = LocalDate.of(2026, 3, 3);
        r.recordedBy = "caseworker";
        r.recordedAt = Instant.parse("2026-03-03T14:05:00Z");
        r.withdrawalWindowEndsOn = LocalDate.of(2026, 3, 17);
        r.rowVersion = 3;
        ConsentParty child = new ConsentParty();
        child.role = "child";
        child.decision = Decision.GIVEN;
        child.capacity = Capacity.GILLICK_COMPETENT;
        child.assessedBy = "caseworker";
        child.decidedOn = LocalDate.of(2026, 3, 2);
        r.parties.add(child);
        return r;
    }

    @Test
    void aRecordShowsItsIdentifiersOnlyWhenTheDomainLoadedThem() {
        ConsentRecord r = record();
        ConsentRecordView shown =
                ConsentRecordMapper.view(new ConsentDetails(r, List.of(new Identifier("nhs-number", "9434765919"))));
        assertThat(shown.subjectIdentifiers()).singleElement().satisfies(i -> {
            assertThat(i.system()).isEqualTo("nhs-number");
            assertThat(i.value()).isEqualTo("9434765919");
        });
        assertThat(shown.notice().version()).isEqualTo(2);
        assertThat(shown.parties())
                .singleElement()
                .satisfies(p -> assertThat(p.capacity()).isEqualTo(Capacity.GILLICK_COMPETENT));
        assertThat(shown.rowVersion()).isEqualTo(3);
        assertThat(ConsentRecordMapper.view(new ConsentDetails(r, null)).subjectIdentifiers())
                .isNull();
    }

    @Test
    void aReferredWithdrawalIsShownAsReferredWithItsRequest() {
        WithdrawalRequest referral = new WithdrawalRequest();
        referral.id = UUID.randomUUID();
        referral.status = WithdrawalRequest.Status.REFERRED;
        referral.windowEndedOn = LocalDate.of(2026, 3, 17);
        WithdrawalOutcome referred = ConsentRecordMapper.view(
                new WithdrawalResult(WithdrawalDecision.REFERRED_TO_DPO, new ConsentDetails(record(), null), referral));
        assertThat(referred.outcome()).isEqualTo("REFERRED");
        assertThat(referred.request().status()).isEqualTo("REFERRED");
        WithdrawalOutcome withdrawn = ConsentRecordMapper.view(
                new WithdrawalResult(WithdrawalDecision.WITHDRAWN, new ConsentDetails(record(), null), null));
        assertThat(withdrawn.outcome()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.request()).isNull();
    }

    @Test
    void aCheckNamesTheNoticeVersionReliedOnOrNothing() {
        Instant at = Instant.parse("2026-03-10T09:00:00Z");
        ConsentCheck.Candidate relied = new ConsentCheck.Candidate(
                UUID.randomUUID(),
                2,
                "c".repeat(64),
                ConsentState.ACTIVE,
                true,
                List.of("research"),
                List.of(),
                at,
                at,
                at,
                null,
                null,
                true,
                3);
        var yes = ConsentRecordMapper.view(new CheckResult(
                "what-it-means-to-me", "research", at, at, new ConsentCheck.Answer(true, List.of("yes"), relied)));
        assertThat(yes.recordId()).isEqualTo(relied.id());
        assertThat(yes.noticeVersion().slug()).isEqualTo("what-it-means-to-me");
        assertThat(yes.reconsentRequired()).isTrue();
        assertThat(yes.knownAt()).isEqualTo(at);
        assertThat(yes.historyLength()).isEqualTo(3);
        var no = ConsentRecordMapper.view(new CheckResult(
                "what-it-means-to-me", "research", at, at, new ConsentCheck.Answer(false, List.of("none"), null)));
        assertThat(no.recordId()).isNull();
        assertThat(no.noticeVersion()).isNull();
        assertThat(no.state()).isNull();
    }

    @Test
    void requestsBecomeCommandsFieldForField() {
        RecordConsentRequest request = new RecordConsentRequest(
                new SubjectRequest(
                        List.of(new IdentifierRequest("nhs-number", "943 476 5919")), LocalDate.of(2013, 1, 1)),
                null,
                new NoticeRefRequest("what-it-means-to-me", 1, "a".repeat(64)),
                List.of("research"),
                null,
                List.of(new PartyRequest("child", null, Decision.GIVEN, null, null, LocalDate.of(2026, 3, 2))),
                CollectionMethod.IN_PERSON,
                null,
                LocalDate.of(2026, 3, 3),
                "EYES 1",
                LocalDate.of(2026, 3, 2));
        RecordConsent command = ConsentRequestMapper.command(request);
        assertThat(command.subject().identifiers()).containsExactly(new Identifier("nhs-number", "943 476 5919"));
        assertThat(command.notice().version()).isEqualTo(1);
        assertThat(command.collectionMethod()).isEqualTo("IN_PERSON");
        assertThat(command.parties())
                .singleElement()
                .satisfies(p -> assertThat(p.role()).isEqualTo("child"));
        assertThat(command.evidenceReference()).isEqualTo("EYES 1");
        assertThat(command.givenOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(ConsentRequestMapper.resolution(Resolution.DECLINE)).isEqualTo(LateWithdrawalResolution.DECLINE);
    }
}
