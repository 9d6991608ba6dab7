package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.consentgov.agreement.api.GapReportMapper;
import org.consentgov.agreement.api.GapReportViews.GapReportView;
import org.consentgov.agreement.api.GapReportViews.GapView;
import org.consentgov.agreement.domain.GapAnalysis.AgreementFacts;
import org.consentgov.agreement.domain.GapAnalysis.Gap;
import org.consentgov.agreement.domain.GapAnalysis.Status;
import org.consentgov.agreement.notices.PublishedNotice;
import org.junit.jupiter.api.Test;

class GapAnalysisTest {

    static final PublishedNotice NOTICE = new PublishedNotice(
            "n",
            3,
            "PUBLISHED",
            true,
            "h",
            new PublishedNotice.Content(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(
                            org("covered"),
                            org("draft-only"),
                            org("other-notice"),
                            org("no-agreement"),
                            org("unregistered"),
                            new PublishedNotice.Organisation("Health colleagues", "health-trust", null, "RECIPIENT"))));

    @Test
    void aRecipientIsCoveredOnlyByAnActiveAgreementThatLinksTheNotice() {
        Set<String> registered = Set.of("covered", "draft-only", "other-notice", "no-agreement");
        List<AgreementFacts> agreements = List.of(
                facts("A", AgreementState.ACTIVE, "covered", "n"),
                facts("B", AgreementState.DRAFT, "draft-only", "n"),
                facts("C", AgreementState.SUSPENDED, "draft-only", "n"),
                facts("D", AgreementState.ACTIVE, "other-notice", "another"));
        GapAnalysis.Result result = GapAnalysis.analyse(List.of(NOTICE), registered, agreements);
        assertThat(result.recipientsChecked()).isEqualTo(6);
        assertThat(result.covered()).isEqualTo(1);
        assertThat(result.gaps())
                .extracting(Gap::organisationId, Gap::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("draft-only", Status.AGREEMENT_NOT_ACTIVE),
                        org.assertj.core.groups.Tuple.tuple("other-notice", Status.NOTICE_NOT_LINKED),
                        org.assertj.core.groups.Tuple.tuple("no-agreement", Status.NO_AGREEMENT),
                        org.assertj.core.groups.Tuple.tuple("unregistered", Status.UNKNOWN_ORGANISATION),
                        org.assertj.core.groups.Tuple.tuple(null, Status.NO_ORGANISATION_ID));
        assertThat(result.gaps().get(0).agreements())
                .extracting(AgreementFacts::reference)
                .containsExactly("B", "C");
        assertThat(result.gaps().get(0).noticeVersion()).isEqualTo(3);
    }

    @Test
    void theCsvQuotesWhatNeedsQuotingAndDefusesSpreadsheetFormulas() {
        GapReportView report = new GapReportView(
                Instant.EPOCH,
                List.of(),
                1,
                0,
                List.of(new GapView(
                        "n",
                        1,
                        "Care, Grow, Live \"CGL\"",
                        "change-grow-live",
                        "charity",
                        "RECIPIENT",
                        Status.NO_AGREEMENT,
                        "=HYPERLINK(1)",
                        null)));
        assertThat(GapReportMapper.csv(report).lines().toList())
                .containsExactly(
                        "notice,notice_version,recipient,organisation_id,organisation_type,role,status,detail,agreements",
                        "n,1,\"Care, Grow, Live \"\"CGL\"\"\",change-grow-live,charity,RECIPIENT,NO_AGREEMENT,'=HYPERLINK(1),");
    }

    private static PublishedNotice.Organisation org(String id) {
        return new PublishedNotice.Organisation(id, "charity", id, "RECIPIENT");
    }

    private static AgreementFacts facts(String reference, AgreementState state, String party, String notice) {
        return new AgreementFacts(
                UUID.randomUUID(), reference, 1, state, Set.of("luton-council", party), Set.of(notice));
    }
}
