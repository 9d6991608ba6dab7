package org.consentgov.agreement.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.vocabulary.Vocabulary;

/** What an organisation's details must satisfy beyond their formats, as a pure function of them and the vocabulary. */
public final class OrganisationRules {

    /** Organisation types that have a DfE URN (schools and Ofsted-registered early years providers). */
    static final Set<String> URN_TYPES = Set.of("school", "early-years-provider");
    /** Organisation types that have an NHS ODS code. */
    static final Set<String> ODS_TYPES = Set.of("health-trust");

    private final Vocabulary vocabulary;

    public OrganisationRules(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public List<RuleViolation> check(OrganisationDetails d) {
        List<RuleViolation> out = new ArrayList<>();
        if (vocabulary.organisationType(d.type()).isEmpty()) {
            out.add(AgreementErrors.UNKNOWN_VOCABULARY_CODE.violation(
                    "type", "'" + d.type() + "' is not an organisation type code"));
        }
        if (d.schoolUrn() != null && !URN_TYPES.contains(d.type())) {
            out.add(AgreementErrors.IDENTIFIER_NOT_APPLICABLE.violation(
                    "schoolUrn",
                    "a school URN applies to schools and early years providers only, not to type '" + d.type() + "'"));
        }
        if (d.odsCode() != null && !ODS_TYPES.contains(d.type())) {
            out.add(AgreementErrors.IDENTIFIER_NOT_APPLICABLE.violation(
                    "odsCode", "an ODS code applies to health trusts only, not to type '" + d.type() + "'"));
        }
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < d.signatories().size(); i++) {
            SignatoryContact s = d.signatories().get(i);
            if (s.username() != null && !usernames.add(s.username())) {
                out.add(AgreementErrors.DUPLICATE_SIGNATORY.violation(
                        "signatories[" + i + "].username", "user '" + s.username() + "' is listed twice"));
            }
        }
        return out;
    }
}
