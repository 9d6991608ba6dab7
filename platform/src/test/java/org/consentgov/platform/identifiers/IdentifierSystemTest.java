package org.consentgov.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierSystemTest {

    private static final IdentifierSystem NHS = IdentifierSystem.NHS_NUMBER;
    private static final IdentifierSystem UPN = IdentifierSystem.UPN;
    private static final IdentifierSystem NI = IdentifierSystem.NI_NUMBER;
    private static final IdentifierSystem CASE = IdentifierSystem.CASE_MANAGEMENT_ID;

    // Constructed with the DfE algorithm; B801200005001 is also python-stdnum's documented example.
    private static final String PERMANENT_UPN = "N845200123001";
    private static final String OTHER_PERMANENT_UPN = "B801200005001";
    private static final String TEMPORARY_UPN = "L93520012301A";

    // --- codes ---

    @Test
    void everySystemIsFoundByItsStableCode() {
        assertThat(IdentifierSystem.fromCode("nhs-number")).contains(NHS);
        assertThat(IdentifierSystem.fromCode("upn")).contains(UPN);
        assertThat(IdentifierSystem.fromCode("ni-number")).contains(NI);
        assertThat(IdentifierSystem.fromCode("case-management-id")).contains(CASE);
        for (IdentifierSystem system : IdentifierSystem.values()) {
            assertThat(IdentifierSystem.fromCode(system.code())).contains(system);
        }
    }

    @Test
    void unknownOrDifferentlyCasedCodesAreNotFound() {
        assertThat(IdentifierSystem.fromCode("NHS_NUMBER")).isEmpty();
        assertThat(IdentifierSystem.fromCode("NHS-NUMBER")).isEmpty();
        assertThat(IdentifierSystem.fromCode("chi")).isEmpty();
        assertThat(IdentifierSystem.fromCode(null)).isEmpty();
    }

    // --- NHS number ---

    @Test
    void nhsNumberIsNormalisedBySpacesAndHyphensDropped() {
        assertThat(NHS.normalise(" 943 476 5919 ")).isEqualTo("9434765919");
        assertThat(NHS.normalise("943-476-5919")).isEqualTo("9434765919");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137"})
    void knownNhsNumbersAreValid(String number) {
        assertThat(NHS.problem(number)).isEmpty();
    }

    @Test
    void nhsNumberWithTheWrongCheckDigitIsInvalid() {
        assertThat(NHS.problem("9434765918"))
                .hasValueSatisfying(m -> assertThat(m).contains("check digit is wrong"));
    }

    @Test
    void nhsNumberWhoseCheckWouldBeTenIsInvalidWhateverItsLastDigit() {
        assertThat(IdentifierSystem.nhsCheckDigit("100000001")).isEmpty();
        for (int last = 0; last <= 9; last++) {
            assertThat(NHS.problem("100000001" + last))
                    .hasValueSatisfying(m -> assertThat(m).contains("no check digit"));
        }
    }

    @Test
    void checkDigitElevenBecomesZero() {
        // 3*3 + 1*2 = 11; 11 - (11 mod 11) = 11, written as 0
        assertThat(IdentifierSystem.nhsCheckDigit("000000031")).hasValue(0);
        assertThat(NHS.problem("0000000310")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "943476591", "94347659190", "94347659a9", "943 476 5919"})
    void nhsNumberOfTheWrongShapeIsInvalid(String value) {
        assertThat(NHS.problem(value)).isPresent();
    }

    @Test
    void missingNhsNumberIsAProblemNotAnException() {
        assertThat(NHS.normalise(null)).isNull();
        assertThat(NHS.problem(null)).hasValue("an NHS number is required");
    }

    @Property
    void nineDigitsCompletedWithTheirCheckDigitValidateUnlessTheCheckIsTen(
            @ForAll @NumericChars @StringLength(9) String prefix) {
        OptionalInt check = IdentifierSystem.nhsCheckDigit(prefix);
        if (check.isPresent()) {
            assertThat(NHS.problem(prefix + check.getAsInt())).isEmpty();
        } else {
            for (int last = 0; last <= 9; last++) {
                assertThat(NHS.problem(prefix + last)).isPresent();
            }
        }
    }

    @Property
    void changingAnyOneDigitOfAValidNhsNumberMakesItInvalid(
            @ForAll @NumericChars @StringLength(9) String prefix,
            @ForAll @IntRange(min = 0, max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        OptionalInt check = IdentifierSystem.nhsCheckDigit(prefix);
        Assume.that(check.isPresent());
        String valid = prefix + check.getAsInt();
        assertThat(NHS.problem(valid)).isEmpty();
        assertThat(NHS.problem(replaceDigit(valid, position, shift))).isPresent();
    }

    // --- UPN ---

    @Test
    void upnIsNormalisedToUpperCaseWithoutSpaces() {
        assertThat(UPN.normalise(" n845 2001 23001 ")).isEqualTo(PERMANENT_UPN);
    }

    @ParameterizedTest
    @ValueSource(strings = {PERMANENT_UPN, OTHER_PERMANENT_UPN, TEMPORARY_UPN, "Q35630152400Z", "N84520012301T"})
    void upnsConstructedByTheDfeAlgorithmAreValid(String upn) {
        assertThat(UPN.problem(upn)).isEmpty();
        assertThat(IdentifierSystem.upnCheckLetter(upn.substring(1))).isEqualTo(upn.charAt(0));
    }

    @Test
    void checkLetterFollowsTheWorkedSumModulo23() {
        // 8*2 + 0*3 + 1*4 + 2*5 + 0 + 0 + 0 + 0 + 5*10 + 0 + 0 + 1*13 = 93; 93 mod 23 = 1 -> B
        assertThat(IdentifierSystem.upnCheckLetter("801200005001")).isEqualTo('B');
        // A temporary UPN's last letter counts with its check-letter value: A = 0, Z = 22
        assertThat(IdentifierSystem.upnCheckLetter("93520012301A")).isEqualTo('L');
    }

    @Test
    void theMisworkedSchoolSupportExampleIsCorrectedToP() {
        // A widely copied census-error example computes 267 for 207000016049 and answers Q; the sum is 266,
        // and 266 mod 23 = 13, which is P in the DfE table (Q is 14).
        assertThat(IdentifierSystem.upnCheckLetter("207000016049")).isEqualTo('P');
        assertThat(UPN.problem("P207000016049")).isEmpty();
        assertThat(UPN.problem("Q207000016049"))
                .hasValueSatisfying(m -> assertThat(m).contains("check letter is wrong"));
    }

    @Test
    void flippingAnySingleDigitOfAValidUpnMakesItInvalid() {
        for (String upn : new String[] {PERMANENT_UPN, OTHER_PERMANENT_UPN, TEMPORARY_UPN}) {
            for (int position = 1; position < 13; position++) {
                if (!Character.isDigit(upn.charAt(position))) {
                    continue;
                }
                for (int shift = 1; shift <= 9; shift++) {
                    String changed = replaceDigit(upn, position, shift);
                    assertThat(UPN.problem(changed)).as(changed).isPresent();
                }
            }
        }
    }

    @Test
    void everyOtherCheckLetterIsRejected() {
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            if (letter != 'N') {
                assertThat(UPN.problem(letter + PERMANENT_UPN.substring(1)))
                        .as("check letter " + letter)
                        .isPresent();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "N84520012300",
                "N8452001230011",
                "884520012300" + "1",
                "N84520012A001",
                "I845200123001",
                "O845200123001",
                "S845200123001"
            })
    void upnOfTheWrongShapeIsInvalid(String value) {
        assertThat(UPN.problem(value)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S'})
    void temporaryUpnCannotEndInIOrS(char last) {
        String body = "93520012301" + last;
        assertThat(UPN.problem("A" + body)).isPresent();
        assertThatThrownBy(() -> IdentifierSystem.upnCheckLetter(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void twelveCharactersPrefixedWithTheirCheckLetterValidate(@ForAll("upnBodies") String body) {
        assertThat(UPN.problem(IdentifierSystem.upnCheckLetter(body) + body)).isEmpty();
    }

    @Property
    void changingAnyOneDigitOfAValidUpnMakesItInvalid(
            @ForAll("upnBodies") String body,
            @ForAll @IntRange(min = 1, max = 12) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String valid = IdentifierSystem.upnCheckLetter(body) + body;
        Assume.that(Character.isDigit(valid.charAt(position)));
        assertThat(UPN.problem(replaceDigit(valid, position, shift))).isPresent();
    }

    @Property
    void changingTheLetterOfAValidTemporaryUpnMakesItInvalid(
            @ForAll("upnBodies") String body, @ForAll("upnLetters") char other) {
        Assume.that(!Character.isDigit(body.charAt(11)) && body.charAt(11) != other);
        String valid = IdentifierSystem.upnCheckLetter(body) + body;
        assertThat(UPN.problem(valid.substring(0, 12) + other)).isPresent();
    }

    @Provide
    Arbitrary<String> upnBodies() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(11);
        Arbitrary<Character> last = Arbitraries.of(("0123456789" + IdentifierSystem.UPN_LETTERS)
                .chars()
                .mapToObj(c -> (char) c)
                .toList());
        return Combinators.combine(digits, last).as((d, l) -> d + l);
    }

    @Provide
    Arbitrary<Character> upnLetters() {
        return Arbitraries.of(
                IdentifierSystem.UPN_LETTERS.chars().mapToObj(c -> (char) c).toList());
    }

    // --- NI number ---

    @Test
    void niNumberIsNormalisedToUpperCaseWithoutSpaces() {
        assertThat(NI.normalise(" ab 12 34 56 c ")).isEqualTo("AB123456C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "AB123456A", "AB123456D", "AB123456", "JG103759A", "ZY000000B"})
    void wellFormedNiNumbersAreValidWithOrWithoutSuffix(String value) {
        assertThat(NI.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456A", "FA123456A", "IA123456A", "QA123456A", "UA123456A", "VA123456A"})
    void niNumberCannotStartWithDFIQUOrV(String value) {
        assertThat(NI.problem(value)).hasValueSatisfying(m -> assertThat(m).contains("cannot start with"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AD123456A", "AF123456A", "AI123456A", "AO123456A", "AQ123456A", "AU123456A", "AV123456A"})
    void niNumberSecondLetterCannotBeDFIOQUOrV(String value) {
        assertThat(NI.problem(value)).hasValueSatisfying(m -> assertThat(m).contains("second letter"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A", "ZZ123456A"})
    void unusedNiPrefixesAreInvalid(String value) {
        assertThat(NI.problem(value)).hasValueSatisfying(m -> assertThat(m).contains("is not used"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AB123456E", "AB12345C", "AB1234567C", "A1123456C", "AB123456CC", "ab123456c"})
    void niNumberOfTheWrongShapeIsInvalid(String value) {
        assertThat(NI.problem(value)).isPresent();
    }

    // --- case-management id ---

    @ParameterizedTest
    @ValueSource(strings = {"1", "LL-123456", "123456", "A", "abcdefghij0123456789", "9-"})
    void caseManagementIdsOfLettersDigitsAndHyphensAreValid(String value) {
        assertThat(CASE.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-123", "abcdefghij01234567890", "LL_123", "LL 123", "LL/123"})
    void caseManagementIdsOfOtherShapesAreInvalid(String value) {
        assertThat(CASE.problem(value)).isPresent();
    }

    @Test
    void caseManagementIdIsOnlyTrimmed() {
        assertThat(CASE.normalise("  ll-123 ")).isEqualTo("ll-123");
    }

    private static String replaceDigit(String value, int position, int shift) {
        int digit = value.charAt(position) - '0';
        char replacement = (char) ('0' + (digit + shift) % 10);
        return value.substring(0, position) + replacement + value.substring(position + 1);
    }
}
