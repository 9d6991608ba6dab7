package org.consentgov.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.api.DecisionViews.DecisionRequest;
import org.consentgov.agreement.api.DecisionViews.DecisionView;
import org.consentgov.agreement.api.DecisionViews.ObligationView;
import org.consentgov.agreement.api.DecisionViews.ReasonView;
import org.consentgov.agreement.api.DisclosureViews.DisclosureView;
import org.consentgov.agreement.api.DisclosureViews.RecordDisclosureRequest;
import org.consentgov.agreement.api.OrganisationViews.OrganisationView;
import org.consentgov.agreement.domain.DecisionCommand;
import org.consentgov.agreement.domain.DisclosureCommand;
import org.consentgov.agreement.domain.RecordedDecision;
import org.consentgov.agreement.domain.RegisteredOrganisation;
import org.consentgov.agreement.domain.SharingPolicy;
import org.consentgov.agreement.domain.ShownDisclosure;
import org.consentgov.agreement.domain.SignatoryContact;
import org.consentgov.agreement.persistence.Disclosure;
import org.consentgov.agreement.persistence.Organisation;
import org.consentgov.agreement.persistence.SharingDecision;
import org.junit.jupiter.api.Test;

class DecisionAndDisclosureMapperTest {

    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aDecisionRequestBecomesTheCommandField() {
        DecisionRequest request = new DecisionRequest(
                "university-of-bedfordshire",
                List.of("special.ethnicity"),
                "nhs-number:9434765919",
                "research-what-it-means-to-me",
                T,
                true,
                "system-access");

        assertThat(DecisionMapper.command(request))
                .isEqualTo(new DecisionCommand(
                        "university-of-bedfordshire",
                        List.of("special.ethnicity"),
                        "nhs-number:9434765919",
                        "research-what-it-means-to-me",
                        T,
                        true,
                        "system-access"));
    }

    @Test
    void aStoredDecisionShowsItsReasonsAndObligationsAndTheSubjectOnlyWhenAllowed() {
        SharingDecision d = new SharingDecision();
        d.id = UUID.randomUUID();
        d.outcome = SharingPolicy.Decision.PERMIT;
        d.reasons = AgreementMapperTest.JSON
                .valueToTree(List.of(new SharingPolicy.Reason("covered", "ISA v1")))
                .toString();
        d.obligations = AgreementMapperTest.JSON
                .valueToTree(List.of(new SharingPolicy.Obligation("no-paper-copies", "No paper", null)))
                .toString();
        d.recipient = "university-of-bedfordshire";
        d.subjectSystem = "nhs-number";
        d.subjectValue = "9434765919";
        DecisionMapper mapper = new DecisionMapper(AgreementMapperTest.JSON);

        DecisionView shown = mapper.view(new RecordedDecision(d, null, true));
        DecisionView hidden = mapper.view(new RecordedDecision(d, null, false));

        assertThat(d.obligations).doesNotContain("until");
        assertThat(shown.decision()).isEqualTo(SharingPolicy.Decision.PERMIT);
        assertThat(shown.reasons()).containsExactly(new ReasonView("covered", "ISA v1"));
        assertThat(shown.obligations()).containsExactly(new ObligationView("no-paper-copies", "No paper", null));
        assertThat(shown.agreement()).isNull();
        assertThat(shown.subject()).isEqualTo("nhs-number:9434765919");
        assertThat(hidden.subject()).isNull();
    }

    @Test
    void aDisclosureShowsTheSubjectOnlyWhenAllowed() {
        Disclosure x = new Disclosure();
        x.id = UUID.randomUUID();
        x.subjectSystem = "upn";
        x.subjectValue = "A123456789012";
        x.recipient = "luton-schools";
        x.disclosedAt = T;

        DisclosureView shown = DisclosureMapper.view(new ShownDisclosure(x, true));
        DisclosureView hidden = DisclosureMapper.view(new ShownDisclosure(x, false));

        assertThat(shown.subject()).isEqualTo("upn:A123456789012");
        assertThat(hidden.subject()).isNull();
        assertThat(hidden.recipient()).isEqualTo("luton-schools");
        assertThat(DisclosureMapper.command(new RecordDisclosureRequest(x.id, "paper", T)))
                .isEqualTo(new DisclosureCommand(x.id, "paper", T));
    }

    @Test
    void anOrganisationShowsItsTypeLabelAndSignatories() {
        Organisation o = new Organisation();
        o.slug = "luton-schools";
        o.name = "Luton Schools";
        o.type = "school";
        o.rowVersion = 2;
        SignatoryContact dpo = new SignatoryContact("DPO", null, null, "schools-dpo");

        OrganisationView view = OrganisationMapper.view(new RegisteredOrganisation(o, "School", List.of(dpo)));

        assertThat(view.slug()).isEqualTo("luton-schools");
        assertThat(view.typeLabel()).isEqualTo("School");
        assertThat(view.signatories()).containsExactly(dpo);
        assertThat(view.rowVersion()).isEqualTo(2);
    }
}
