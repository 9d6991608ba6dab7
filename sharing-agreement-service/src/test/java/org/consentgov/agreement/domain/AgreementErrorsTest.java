package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

class AgreementErrorsTest {

    @Test
    void everyCodeIsSpeltOnceInKebabCaseAfterItsConstant() {
        assertThat(Arrays.stream(AgreementErrors.values()).map(AgreementErrors::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(AgreementErrors.values())
                .allMatch(e -> e.name().equals(e.code().toUpperCase().replace('-', '_')));
    }

    @Test
    void aProblemCarriesTheCodeKindDetailAndField() {
        ProblemException problem =
                AgreementErrors.TRANSFER_METHOD_REQUIRED.problem("Name the transfer method", "transferMethod");

        assertThat(problem.code()).isEqualTo("transfer-method-required");
        assertThat(problem.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
        assertThat(problem.getMessage()).isEqualTo("Name the transfer method");
        assertThat(problem.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("transferMethod"));
        assertThat(AgreementErrors.VARIATION_OPEN.problem("open").kind()).isEqualTo(ProblemKind.CONFLICT);
    }

    @Test
    void aViolationNamesTheRuleByItsCode() {
        assertThat(AgreementErrors.NO_CONTROLLER.violation("parties", "no controller"))
                .isEqualTo(new RuleViolation("no-controller", "parties", "no controller"));
    }
}
