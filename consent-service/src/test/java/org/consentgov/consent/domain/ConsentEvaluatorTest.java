package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.consentgov.consent.domain.ConsentEvaluator.Outcome;
import org.consentgov.consent.domain.ConsentEvaluator.Party;
import org.consentgov.consent.domain.ConsentEvaluator.Terms;
import org.junit.jupiter.api.Test;

class ConsentEvaluatorTest {

    static final LocalDate BORN = LocalDate.of(2012, 5, 4);
    static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);
    static final Terms WHERE_NEEDED = new Terms(List.of("child"), "WHERE_NEEDED", null);

    static Party child(Decision d) {
        return new Party("child", d, null);
    }

    static Party competentChild(Decision d) {
        return new Party("child", d, Capacity.GILLICK_COMPETENT);
    }

    @Test
    void aGillickCompetentChildAloneMakesItEffective() {
        Outcome o = ConsentEvaluator.evaluate(WHERE_NEEDED, BORN, RECEIVED, List.of(competentChild(Decision.GIVEN)));
        assertThat(o.state()).isEqualTo(ConsentState.ACTIVE);
        assertThat(o.effective()).isTrue();
        assertThat(o.missingParties()).isEmpty();
    }

    @Test
    void withoutAnAssessmentAParentOrCarerIsNeededWhereTheNoticeSaysWhereNeeded() {
        Outcome o = ConsentEvaluator.evaluate(WHERE_NEEDED, BORN, RECEIVED, List.of(child(Decision.GIVEN)));
        assertThat(o.effective()).isFalse();
        assertThat(o.missingParties()).containsExactly(ConsentEvaluator.PARENT_OR_CARER);
        assertThat(o.reasons()).anyMatch(r -> r.contains("parent-or-carer"));
    }

    @Test
    void aCarerGuardianOrTheLocalAuthorityAsCorporateParentFillsTheParentSlot() {
        for (String role : List.of("parent", "carer", "guardian", "local-authority")) {
            Outcome o = ConsentEvaluator.evaluate(
                    WHERE_NEEDED,
                    BORN,
                    RECEIVED,
                    List.of(child(Decision.GIVEN), new Party(role, Decision.GIVEN, null)));
            assertThat(o.effective()).as(role).isTrue();
        }
    }

    @Test
    void theChildsRefusalIsRespectedEvenWhenEveryoneElseAgrees() {
        Outcome o = ConsentEvaluator.evaluate(
                new Terms(List.of("parent"), "ALWAYS", null),
                BORN,
                RECEIVED,
                List.of(new Party("parent", Decision.GIVEN, null), child(Decision.REFUSED)));
        assertThat(o.state()).isEqualTo(ConsentState.REFUSED);
        assertThat(o.decision()).isEqualTo(Decision.REFUSED);
        assertThat(o.effective()).isFalse();
    }

    @Test
    void aRequiredParentsRefusalRefuses() {
        Outcome o = ConsentEvaluator.evaluate(
                WHERE_NEEDED,
                BORN,
                RECEIVED,
                List.of(child(Decision.GIVEN), new Party("parent", Decision.REFUSED, null)));
        assertThat(o.state()).isEqualTo(ConsentState.REFUSED);
    }

    @Test
    void aMissingRequiredChildIsMissingNotRefused() {
        Outcome o = ConsentEvaluator.evaluate(
                new Terms(List.of("child"), "ALWAYS", null),
                BORN,
                RECEIVED,
                List.of(new Party("parent", Decision.GIVEN, null)));
        assertThat(o.state()).isEqualTo(ConsentState.ACTIVE);
        assertThat(o.missingParties()).containsExactly("child");
    }

    @Test
    void underAgeCountsTheAgeOnTheDayTheFormWasReceived() {
        Terms under13 = new Terms(List.of("child"), "UNDER_AGE", 13);
        LocalDate born = LocalDate.of(2013, 11, 2);
        assertThat(ConsentEvaluator.requiredSlots(under13, born, LocalDate.of(2026, 11, 1), List.of()))
                .containsExactly("child", ConsentEvaluator.PARENT_OR_CARER);
        assertThat(ConsentEvaluator.requiredSlots(under13, born, LocalDate.of(2026, 11, 2), List.of()))
                .containsExactly("child");
    }

    @Test
    void neverMeansTheChildDecidesAlone() {
        assertThat(ConsentEvaluator.evaluate(
                                new Terms(List.of("child"), "NEVER", null),
                                BORN,
                                RECEIVED,
                                List.of(child(Decision.GIVEN)))
                        .effective())
                .isTrue();
    }
}
