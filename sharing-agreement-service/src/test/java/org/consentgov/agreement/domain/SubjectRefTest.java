package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectRefTest {

    @Test
    void anNhsNumberIsNormalisedFromTheWayPeopleWriteItAndItsCheckDigitChecked() {
        assertThat(SubjectRef.parse("nhs-number:943 476 5919").subject())
                .isEqualTo(new SubjectRef("nhs-number", "9434765919"));
        assertThat(SubjectRef.parse("nhs-number:943-476-5919").subject().toString())
                .isEqualTo("nhs-number:9434765919");
        assertThat(SubjectRef.parse("nhs-number:9434765918").problem()).contains("check digit");
        assertThat(SubjectRef.parse("nhs-number:943476591").problem()).contains("10 digits");
    }

    @Test
    void anNhsNumberWhoseCheckWouldBeTenDoesNotExist() {
        // for some first nine digits the modulus 11 check would be 10: no NHS number starts with them
        for (int n = 100_000_000; n < 100_001_000; n++) {
            String nine = Integer.toString(n);
            if (SubjectRef.nhsCheckDigit(nine + "0") == -1) {
                for (int d = 0; d < 10; d++) {
                    assertThat(SubjectRef.parse("nhs-number:" + nine + d).valid())
                            .isFalse();
                }
                return;
            }
        }
        throw new AssertionError("no prefix with check 10 found");
    }

    @Test
    void aUpnHasItsCheckLetter() {
        String body = "80112021001";
        char check = SubjectRef.upnCheckLetter(body + "5");
        assertThat(SubjectRef.parse("upn:" + Character.toLowerCase(check) + body + "5")
                        .subject())
                .isEqualTo(new SubjectRef("upn", check + body + "5"));
        char wrong = check == 'A' ? 'B' : 'A';
        assertThat(SubjectRef.parse("upn:" + wrong + body + "5").problem()).contains("check letter");
        assertThat(SubjectRef.parse("upn:A1234").problem()).contains("a UPN is");
    }

    @Test
    void aNationalInsuranceNumberFollowsTheHmrcFormat() {
        assertThat(SubjectRef.parse("ni-number:ab 12 34 56 c").subject())
                .isEqualTo(new SubjectRef("ni-number", "AB123456C"));
        assertThat(SubjectRef.parse("ni-number:QQ123456C").valid()).isFalse();
        assertThat(SubjectRef.parse("ni-number:GB123456A").valid()).isFalse();
        assertThat(SubjectRef.parse("ni-number:AO123456A").valid()).isFalse();
    }

    @Test
    void aCaseManagementIdIsLettersDigitsAndHyphens() {
        assertThat(SubjectRef.parse("case-management-id:LL-12345").valid()).isTrue();
        assertThat(SubjectRef.parse("case-management-id:-bad id-").valid()).isFalse();
    }

    @Test
    void anythingElseIsNotASubject() {
        assertThat(SubjectRef.parse("passport:123").problem()).contains("unknown identifier system");
        assertThat(SubjectRef.parse("9434765919").problem()).contains("system:value");
        assertThat(SubjectRef.parse(null).valid()).isFalse();
        assertThat(SubjectRef.parse("nhs-number:").problem()).contains("empty");
    }
}
