package org.consentgov.agreement.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentgov.agreement.api.GapReportViews.AgreementRef;
import org.consentgov.agreement.api.GapReportViews.GapReportView;
import org.consentgov.agreement.api.GapReportViews.GapView;
import org.consentgov.agreement.api.GapReportViews.NoticeRef;
import org.consentgov.agreement.notices.NoticeDirectory;
import org.consentgov.agreement.notices.NoticeSummary;
import org.consentgov.agreement.notices.PublishedNotice;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementParty;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.OrganisationRepository;

/**
 * Asks notice-service for the notices in force and reports every recipient they name without an ACTIVE
 * agreement covering it (DESIGN §7). notice-service not answering is a 503: a report that silently skipped a
 * notice would claim coverage nobody checked.
 */
@ApplicationScoped
public class GapReportService {

    private final NoticeDirectory notices;
    private final AgreementRepository agreements;
    private final OrganisationRepository organisations;
    private final AgreementService agreementService;
    private final Clock clock;

    public GapReportService(
            NoticeDirectory notices,
            AgreementRepository agreements,
            OrganisationRepository organisations,
            AgreementService agreementService,
            Clock clock) {
        this.notices = notices;
        this.agreements = agreements;
        this.organisations = organisations;
        this.agreementService = agreementService;
        this.clock = clock;
    }

    /** notice-service is asked first, outside any transaction; the agreements are then read in one. */
    public GapReportView report() {
        List<PublishedNotice> current = new ArrayList<>();
        for (NoticeSummary summary : notices.published()) {
            if (summary.currentVersion() != null) {
                notices.current(summary.slug()).ifPresent(current::add);
            }
        }
        Set<String> named = current.stream()
                .flatMap(n -> n.recipients().stream())
                .map(PublishedNotice.Organisation::organisationId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return QuarkusTransaction.joiningExisting().call(() -> analyse(current, named));
    }

    private GapReportView analyse(List<PublishedNotice> current, Set<String> named) {
        Set<String> registered = organisations.bySlug(named).keySet();
        List<AgreementVersion> versions = agreements.currentWithParties(named);
        Map<UUID, List<AgreementParty>> parties =
                agreements.partiesOf(versions.stream().map(v -> v.id).toList());
        Map<UUID, Agreement> byId =
                agreements.byIds(versions.stream().map(v -> v.agreementId).collect(Collectors.toSet()));
        List<GapAnalysis.AgreementFacts> facts = versions.stream()
                .map(v -> {
                    Agreement a = byId.get(v.agreementId);
                    AgreementContent content = agreementService.read(v.content);
                    return new GapAnalysis.AgreementFacts(
                            a.id,
                            a.reference,
                            v.number,
                            a.state,
                            parties.getOrDefault(v.id, List.of()).stream()
                                    .map(p -> p.organisation)
                                    .collect(Collectors.toSet()),
                            content.linkedNotices().stream()
                                    .map(AgreementContent.NoticeLink::slug)
                                    .collect(Collectors.toCollection(HashSet::new)));
                })
                .toList();
        GapAnalysis.Result result = GapAnalysis.analyse(current, registered, facts);
        return new GapReportView(
                clock.instant(),
                current.stream().map(n -> new NoticeRef(n.slug(), n.version())).toList(),
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
