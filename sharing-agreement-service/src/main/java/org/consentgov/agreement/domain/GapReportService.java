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
    private final AgreementContentJson contentJson;
    private final Clock clock;

    public GapReportService(
            NoticeDirectory notices,
            AgreementRepository agreements,
            OrganisationRepository organisations,
            AgreementContentJson contentJson,
            Clock clock) {
        this.notices = notices;
        this.agreements = agreements;
        this.organisations = organisations;
        this.contentJson = contentJson;
        this.clock = clock;
    }

    /** notice-service is asked first, outside any transaction; the agreements are then read in one. */
    public GapReport report() {
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

    private GapReport analyse(List<PublishedNotice> current, Set<String> named) {
        Set<String> registered = organisations.bySlug(named).keySet();
        List<AgreementVersion> versions = agreements.currentWithParties(named);
        Map<UUID, List<AgreementParty>> parties =
                agreements.partiesOf(versions.stream().map(v -> v.id).toList());
        Map<UUID, Agreement> byId =
                agreements.byIds(versions.stream().map(v -> v.agreementId).collect(Collectors.toSet()));
        List<GapAnalysis.AgreementFacts> facts = versions.stream()
                .map(v -> {
                    Agreement a = byId.get(v.agreementId);
                    AgreementContent content = contentJson.read(v.content);
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
        return new GapReport(clock.instant(), current, GapAnalysis.analyse(current, registered, facts));
    }
}
