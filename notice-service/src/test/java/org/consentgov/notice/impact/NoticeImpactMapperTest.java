package org.consentgov.notice.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.notice.domain.NoticeDiff;
import org.consentgov.notice.impact.NoticeImpactResource.ImpactView;
import org.junit.jupiter.api.Test;

class NoticeImpactMapperTest {

    private static final UUID AGREEMENT = UUID.fromString("0b7e2a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d");

    @Test
    void aMaterialImpactCarriesTheConsentCountsAndTheLinkedAgreements() {
        PublicationImpact impact = new PublicationImpact(
                "n",
                2,
                1,
                true,
                List.of("purpose added: research-follow-up"),
                List.of(new NoticeDiff.Change(
                        "purposes", "research-follow-up", NoticeDiff.ChangeKind.ADDED, null, null)),
                new PublicationImpact.PinnedConsents(5, Map.of(1, 5L)),
                List.of(new PublicationImpact.AgreementLink(
                        AGREEMENT, "ISA-1", "Research", "ACTIVE", 1, null, List.of("luton-council"))),
                List.of());

        ImpactView view = NoticeImpactMapper.view(impact);

        assertThat(view.slug()).isEqualTo("n");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.publishedVersion()).isEqualTo(1);
        assertThat(view.material()).isTrue();
        assertThat(view.changes()).extracting(c -> c.key()).containsExactly("research-follow-up");
        assertThat(view.consents()).isEqualTo(new NoticeImpactResource.ConsentImpact(5, Map.of(1, 5L)));
        assertThat(view.agreements())
                .containsExactly(new NoticeImpactResource.LinkedAgreement(
                        AGREEMENT, "ISA-1", "Research", "ACTIVE", 1, null, List.of("luton-council")));
        assertThat(view.notes()).isEmpty();
    }

    @Test
    void aServiceThatDidNotAnswerStaysNullWithItsNote() {
        PublicationImpact impact = new PublicationImpact(
                "n",
                2,
                1,
                true,
                List.of("r"),
                List.of(),
                null,
                null,
                List.of("consent-service did not answer", NoticeImpactAssessment.AGREEMENTS_NOTE));

        ImpactView view = NoticeImpactMapper.view(impact);

        assertThat(view.consents()).isNull();
        assertThat(view.agreements()).isNull();
        assertThat(view.notes())
                .containsExactly("consent-service did not answer", NoticeImpactAssessment.AGREEMENTS_NOTE);
    }
}
