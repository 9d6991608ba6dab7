package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.domain.ConsentCommands.NoticePin;
import org.consentgov.consent.domain.ConsentCommands.PartyDecision;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.domain.ConsentCommands.SubjectDetails;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

class ConsentFormChecksTest {

    static final Vocabulary VOCABULARY = new Vocabulary();
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String HASH = "a".repeat(64);
    static final LocalDate BORN = LocalDate.of(2013, 11, 20);

    static PartyDecision party(String role, Capacity capacity, LocalDate assessedOn) {
        return new PartyDecision(role, null, Decision.GIVEN, capacity, assessedOn, LocalDate.of(2026, 3, 2));
    }

    static RecordConsent form(List<PartyDecision> parties) {
        return form(
                new SubjectDetails(List.of(new Identifier("nhs-number", "9434765919")), BORN),
                null,
                parties,
                List.of("research"),
                null,
                null,
                LocalDate.of(2026, 3, 3));
    }

    static RecordConsent form(
            SubjectDetails subject,
            UUID subjectId,
            List<PartyDecision> parties,
            List<String> purposes,
            List<String> categories,
            LocalDate issued,
            LocalDate received) {
        return new RecordConsent(
                subject,
                subjectId,
                new NoticePin("what-it-means-to-me", 1, HASH),
                purposes,
                categories,
                parties,
                "PAPER_FORM",
                issued,
                received,
                null,
                null);
    }

    static PublishedNotice notice(PublishedNotice.ConsentTerms consent) {
        return new PublishedNotice(
                "what-it-means-to-me",
                1,
                "PUBLISHED",
                HASH,
                java.time.Instant.parse("2025-01-01T00:00:00Z"),
                null,
                null,
                new PublishedNotice.Content(
                        List.of(),
                        List.of(new PublishedNotice.Purpose("research")),
                        List.of("identity.gender", "special.health"),
                        List.of(),
                        consent));
    }

    static PublishedNotice consentNotice() {
        return notice(new PublishedNotice.ConsentTerms(List.of("child"), null, null, 14, null, List.of(), null, null));
    }

    static ProblemException problem(Runnable check) {
        try {
            check.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void aFormWithBothSubjectAndSubjectIdIsMalformed() {
        RecordConsent both = form(
                new SubjectDetails(List.of(), BORN),
                UUID.randomUUID(),
                List.of(party("child", null, null)),
                List.of("research"),
                null,
                null,
                TODAY);
        ProblemException e = problem(() -> ConsentFormChecks.shape(both, VOCABULARY));
        assertThat(e.code()).isEqualTo(ConsentErrors.SUBJECT_REQUIRED.code());
        assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
    }

    @Test
    void everyBadPartyIsReportedAtOnceUnderInvalidParty() {
        RecordConsent form = form(List.of(
                party("child", null, null),
                party("child", null, null),
                party("aunt", null, null),
                party("parent", Capacity.GILLICK_COMPETENT, TODAY)));
        ProblemException e = problem(() -> ConsentFormChecks.shape(form, VOCABULARY));
        assertThat(e.code()).isEqualTo("invalid-party");
        assertThat(e.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
        assertThat(e.errors())
                .extracting(FieldError::field)
                .containsExactly("parties[1].role", "parties[2].role", "parties[3].capacity");
    }

    @Test
    void anAssessedCapacityNeedsItsDate() {
        ProblemException e = problem(
                () -> ConsentFormChecks.party(party("child", Capacity.GILLICK_COMPETENT, null), "", false, VOCABULARY));
        assertThat(e.code()).isEqualTo("assessment-date-required");
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("assessedOn");
        ConsentFormChecks.party(party("child", Capacity.NOT_ASSESSED, null), "", false, VOCABULARY);
    }

    @Test
    void theContentHashMustBeThePublishedOne() {
        ProblemException e = problem(() -> ConsentFormChecks.pinned(consentNotice(), "b".repeat(64)));
        assertThat(e.code()).isEqualTo("notice-hash-mismatch");
        assertThat(e.extensions()).containsEntry("publishedContentHash", HASH);
        assertThat(ConsentFormChecks.pinned(consentNotice(), HASH)).isNotNull();
    }

    @Test
    void aNoticeThatAsksNoConsentCannotBeConsentedTo() {
        assertThat(problem(() -> ConsentFormChecks.pinned(notice(null), HASH)).code())
                .isEqualTo("notice-asks-no-consent");
    }

    @Test
    void purposesAndCategoriesMustBeTheNoticesAndAbsentCategoriesMeanAll() {
        assertThat(ConsentFormChecks.scope(form(List.of(party("child", null, null))), consentNotice()))
                .containsExactly("identity.gender", "special.health");
        RecordConsent otherPurpose =
                form(null, UUID.randomUUID(), List.of(), List.of("research", "marketing"), null, null, TODAY);
        ProblemException e = problem(() -> ConsentFormChecks.scope(otherPurpose, consentNotice()));
        assertThat(e.code()).isEqualTo("purpose-not-in-notice");
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("purposes[1]");
        RecordConsent otherCategory =
                form(null, UUID.randomUUID(), List.of(), List.of("research"), List.of("finance"), null, TODAY);
        assertThat(problem(() -> ConsentFormChecks.scope(otherCategory, consentNotice()))
                        .code())
                .isEqualTo("category-not-in-notice");
    }

    @Test
    void datesMayNotBeInTheFutureNorOutOfOrder() {
        List<PartyDecision> child = List.of(party("child", null, null));
        assertThat(problem(() -> ConsentFormChecks.dates(
                                form(null, UUID.randomUUID(), child, List.of(), null, null, TODAY.plusDays(1)),
                                BORN,
                                TODAY))
                        .code())
                .isEqualTo("date-in-future");
        assertThat(problem(() -> ConsentFormChecks.dates(
                                form(null, UUID.randomUUID(), child, List.of(), null, TODAY, TODAY.minusDays(1)),
                                BORN,
                                TODAY))
                        .code())
                .isEqualTo("received-before-issued");
        assertThat(problem(() -> ConsentFormChecks.dates(
                                form(null, UUID.randomUUID(), child, List.of(), null, null, BORN.minusDays(1)),
                                BORN,
                                TODAY))
                        .code())
                .isEqualTo("received-before-birth");
        ProblemException decided = problem(() -> ConsentFormChecks.dates(
                form(
                        null,
                        UUID.randomUUID(),
                        List.of(new PartyDecision("child", null, Decision.GIVEN, null, null, TODAY.plusDays(1))),
                        List.of(),
                        null,
                        null,
                        TODAY),
                BORN,
                TODAY));
        assertThat(decided.errors()).extracting(FieldError::field).containsExactly("parties[0].decidedOn");
    }

    @Test
    void aWellFormedFormPassesEveryCheck() {
        RecordConsent form =
                form(List.of(party("child", Capacity.GILLICK_COMPETENT, TODAY), party("parent", null, null)));
        ConsentFormChecks.shape(form, VOCABULARY);
        ConsentFormChecks.dates(form, BORN, TODAY);
        assertThatThrownBy(() -> ConsentFormChecks.shape(
                        form(List.of(party("guardian", null, null), party("nobody", null, null))), VOCABULARY))
                .isInstanceOf(ProblemException.class);
    }
}
