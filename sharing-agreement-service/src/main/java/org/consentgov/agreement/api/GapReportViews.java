package org.consentgov.agreement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.agreement.domain.GapAnalysis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The governance gap report. */
public final class GapReportViews {

    private GapReportViews() {}

    @Schema(
            name = "GapReport",
            description = "Recipients named in the published notices without an ACTIVE agreement covering them")
    public record GapReportView(
            Instant generatedAt, List<NoticeRef> notices, int recipientsChecked, int covered, List<GapView> gaps) {}

    @Schema(name = "GapReportNotice")
    public record NoticeRef(String slug, int version) {}

    @Schema(name = "Gap")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GapView(
            String notice,
            int noticeVersion,
            String recipient,
            String organisationId,
            String organisationType,
            String role,
            GapAnalysis.Status status,
            String detail,
            List<AgreementRef> agreements) {}

    @Schema(name = "GapAgreement", description = "An agreement with the recipient that does not cover it")
    public record AgreementRef(UUID id, String reference, int version, AgreementState state) {}
}
