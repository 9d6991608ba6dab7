package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

class OrganisationRulesTest {

    static final OrganisationRules RULES = new OrganisationRules(new Vocabulary());

    @Test
    void aSchoolHasAUrnAndAHealthTrustAnOdsCodeAndNeitherAnythingElse() {
        assertThat(RULES.check(details("school", "109500", null))).isEmpty();
        assertThat(RULES.check(details("early-years-provider", "109500", null))).isEmpty();
        assertThat(RULES.check(details("health-trust", null, "RWK"))).isEmpty();
        assertThat(RULES.check(details("police", "109500", "RWK")))
                .extracting(RuleViolation::field)
                .containsExactly("schoolUrn", "odsCode");
    }

    @Test
    void theTypeComesFromTheVocabularyAndSignatoriesAreListedOnce() {
        assertThat(RULES.check(details("pirate-ship", null, null)))
                .extracting(RuleViolation::rule)
                .containsExactly("unknown-vocabulary-code");
        OrganisationDetails twice = new OrganisationDetails(
                "X",
                "school",
                null,
                null,
                null,
                List.of(new SignatoryContact("A", null, null, "head"), new SignatoryContact("B", null, null, "head")));
        assertThat(RULES.check(twice)).extracting(RuleViolation::field).containsExactly("signatories[1].username");
    }

    private static OrganisationDetails details(String type, String urn, String ods) {
        return new OrganisationDetails("Name", type, null, urn, ods, null);
    }
}
