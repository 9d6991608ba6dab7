package org.consentgov.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierTest {

    @Test
    void anNhsNumberIsNormalisedFromTheWayPeopleWriteItAndItsCheckDigitChecked() {
        assertThat(Identifier.parse("nhs-number:943 476 5919").identifier())
                .isEqualTo(new Identifier(IdentifierSystem.NHS_NUMBER, "9434765919"));
        assertThat(Identifier.parse("nhs-number:943-476-5919").identifier().toString())
                .isEqualTo("nhs-number:9434765919");
        assertThat(Identifier.parse("nhs-number:9434765918").problem()).contains("check digit");
        assertThat(Identifier.parse("nhs-number:943476591").problem()).contains("10 digits");
    }

    @Test
    void anNhsNumberWhoseCheckWouldBeTenDoesNotExist() {
        for (int n = 100_000_000; n < 100_001_000; n++) {
            String nine = Integer.toString(n);
            if (IdentifierSystem.nhsCheckDigit(nine).isEmpty()) {
                for (int d = 0; d < 10; d++) {
                    assertThat(Identifier.parse("nhs-number:" + nine + d).problem())
                            .isEqualTo("not a valid NHS number: the check digit is wrong");
                }
                return;
            }
        }
        throw new AssertionError("no prefix with check 10 found");
    }

    @Test
    void aUpnHasItsCheckLetter() {
        String body = "80112021001";
        char check = IdentifierSystem.upnCheckLetter(body + "5");
        assertThat(Identifier.parse("upn:" + Character.toLowerCase(check) + body + "5")
                        .identifier())
                .isEqualTo(new Identifier(IdentifierSystem.UPN, check + body + "5"));
        char wrong = check == 'A' ? 'B' : 'A';
        assertThat(Identifier.parse("upn:" + wrong + body + "5").problem()).contains("check letter");
        assertThat(Identifier.parse("upn:A1234").problem()).contains("a UPN is");
    }

    @Test
    void aNationalInsuranceNumberFollowsTheHmrcFormat() {
        assertThat(Identifier.parse("ni-number:ab 12 34 56 c").identifier())
                .isEqualTo(new Identifier(IdentifierSystem.NI_NUMBER, "AB123456C"));
        assertThat(Identifier.parse("ni-number:QQ123456C").valid()).isFalse();
        assertThat(Identifier.parse("ni-number:GB123456A").valid()).isFalse();
        assertThat(Identifier.parse("ni-number:AO123456A").valid()).isFalse();
    }

    @Test
    void aCaseManagementIdIsLettersDigitsAndHyphens() {
        assertThat(Identifier.parse("case-management-id:LL-12345").valid()).isTrue();
        assertThat(Identifier.parse("case-management-id:-bad id-").valid()).isFalse();
    }

    @Test
    void anythingElseIsNotASubject() {
        assertThat(Identifier.parse("passport:123").problem()).contains("unknown identifier system");
        assertThat(Identifier.parse("9434765919").problem()).contains("system:value");
        assertThat(Identifier.parse(null).valid()).isFalse();
        assertThat(Identifier.parse("nhs-number:").problem()).contains("empty");
    }

    /** The exact texts sharing-agreement-service publishes in its invalid-subject problems. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "9434765919|a subject is system:value, e.g. nhs-number:9434765919",
                " passport :1|unknown identifier system 'passport'; one of case-management-id, nhs-number, ni-number, upn",
                "nhs-number: |the identifier value is empty",
                "nhs-number:94347659|an NHS number has exactly 10 digits",
                "nhs-number:9434765918|not a valid NHS number: the check digit is wrong",
                "upn:N84520012300|a UPN is a check letter followed by 12 digits, or by 11 digits and a letter",
                "upn:A845200123001|not a valid UPN: the check letter is wrong",
                "ni-number:GB123456A|not a valid National Insurance number",
                "ni-number:AB12|not a valid National Insurance number",
                "case-management-id:LL_1|a case-management person id is 1 to 20 letters, digits and hyphens"
            })
    void theProblemsKeepTheirPublishedWording(String text, String problem) {
        assertThat(Identifier.parse(text).problem()).isEqualTo(problem);
    }

    @Test
    void theSystemCodeIsStoredBesideTheValue() {
        Identifier id = Identifier.parse(" upn :n845 2001 23001").identifier();
        assertThat(id.systemCode()).isEqualTo("upn");
        assertThat(id.value()).isEqualTo("N845200123001");
        assertThat(IdentifierSystem.nhsCheckDigit("943476591")).isEqualTo(OptionalInt.of(9));
    }
}
