package org.consentgov.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SuiteTestDataTest {

    @RepeatedTest(20)
    void nhsNumbersPassTheModulusElevenCheck() {
        String nhs = SuiteTestData.nhsNumber();
        assertThat(nhs).hasSize(10).containsOnlyDigits();
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nhs.charAt(i) - '0') * (10 - i);
        }
        assertThat((11 - sum % 11) % 11).isEqualTo(nhs.charAt(9) - '0');
    }

    @RepeatedTest(20)
    void upnsCarryTheirCheckLetter() {
        String upn = SuiteTestData.upn();
        assertThat(upn).hasSize(13).matches("[A-Z][0-9]{12}");
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            sum += (upn.charAt(i) - '0') * (i + 1);
        }
        assertThat(upn.charAt(0)).isEqualTo("ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChildAndParentConsentIsSignedTheDayBeforeTheFormCameBack() {
        Map<String, Object> consent = SuiteTestData.childAndParentConsent(
                "9434765919", 2, "sha256:abc", SuiteTestData.today().minusDays(3), "form 1");
        assertThat(consent)
                .containsEntry(
                        "formReceivedOn", SuiteTestData.today().minusDays(3).toString())
                .containsEntry(
                        "formIssuedOn", SuiteTestData.today().minusDays(10).toString())
                .containsEntry("purposes", List.of(SuiteTestData.RESEARCH_PURPOSE));
        List<Map<String, Object>> parties = (List<Map<String, Object>>) consent.get("parties");
        assertThat(parties)
                .extracting(p -> p.get("decidedOn"))
                .containsOnly(SuiteTestData.today().minusDays(4).toString());
    }

    @Test
    void aNoticeNamesItsRecipientWithItsOrganisationIdAndRole() {
        Map<String, Object> content = SuiteTestData.noticeContent(
                "Title",
                "Controller c",
                "c",
                SuiteTestData.map("name", "Recipient r", "organisationType", "school"),
                "r");
        assertThat(content.get("recipients"))
                .isEqualTo(List.of(SuiteTestData.map(
                        "name",
                        "Recipient r",
                        "organisationType",
                        "school",
                        "organisationId",
                        "r",
                        "role",
                        "RECIPIENT")));
    }
}
