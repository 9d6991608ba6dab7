package org.consentgov.agreement.api;

import java.util.stream.Collectors;
import org.consentgov.agreement.api.GapReportViews.AgreementRef;
import org.consentgov.agreement.api.GapReportViews.GapReportView;
import org.consentgov.agreement.api.GapReportViews.GapView;
import org.consentgov.agreement.api.GapReportViews.NoticeRef;
import org.consentgov.agreement.domain.GapAnalysis;
import org.consentgov.agreement.domain.GapReport;

/** The gap report as the API shows it: JSON, or CSV (RFC 4180) with one row per gap. */
public final class GapReportMapper {

    private GapReportMapper() {}

    public static GapReportView view(GapReport report) {
        GapAnalysis.Result result = report.result();
        return new GapReportView(
                report.generatedAt(),
                report.notices().stream()
                        .map(n -> new NoticeRef(n.slug(), n.version()))
                        .toList(),
                result.recipientsChecked(),
                result.covered(),
                result.gaps().stream()
                        .map(g -> new GapView(
                                g.notice(),
                                g.noticeVersion(),
                                g.recipient(),
                                g.organisationId(),
                                g.organisationType(),
                                g.role(),
                                g.status(),
                                g.detail(),
                                g.agreements().isEmpty()
                                        ? null
                                        : g.agreements().stream()
                                                .map(a ->
                                                        new AgreementRef(a.id(), a.reference(), a.version(), a.state()))
                                                .toList()))
                        .toList());
    }

    /** The report as CSV (RFC 4180), one row per gap. */
    public static String csv(GapReportView report) {
        StringBuilder out = new StringBuilder(
                "notice,notice_version,recipient,organisation_id,organisation_type,role,status,detail,agreements\r\n");
        for (GapView g : report.gaps()) {
            String refs = g.agreements() == null
                    ? ""
                    : g.agreements().stream()
                            .map(a -> a.reference() + " v" + a.version() + " " + a.state())
                            .collect(Collectors.joining("; "));
            out.append(String.join(
                            ",",
                            cell(g.notice()),
                            cell(Integer.toString(g.noticeVersion())),
                            cell(g.recipient()),
                            cell(g.organisationId()),
                            cell(g.organisationType()),
                            cell(g.role()),
                            cell(g.status().name()),
                            cell(g.detail()),
                            cell(refs)))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        // a leading = + - @ would be a formula in a spreadsheet
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
