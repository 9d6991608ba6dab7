package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.events.AgreementEvent;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementFilter;
import org.consentgov.agreement.persistence.AgreementHistory;
import org.consentgov.agreement.persistence.AgreementParty;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.platform.paging.PageView;

/** Reads of agreements, their versions, history and events, within the caller's scope. */
@ApplicationScoped
public class AgreementQueries {

    private final AgreementRepository agreements;
    private final AgreementStore store;
    private final EventLog events;
    private final Scopes scopes;

    public AgreementQueries(AgreementRepository agreements, AgreementStore store, EventLog events, Scopes scopes) {
        this.agreements = agreements;
        this.store = store;
        this.events = events;
        this.scopes = scopes;
    }

    @Transactional
    public PageView<AgreementSummary> list(AgreementFilter filter, int page, int size) {
        Scope scope = scopes.current();
        List<Agreement> found = agreements.page(filter, scope, page, size);
        Map<UUID, AgreementVersion> versions =
                agreements.currentVersions(found.stream().map(a -> a.id).toList());
        Map<UUID, List<AgreementParty>> parties =
                agreements.partiesOf(versions.values().stream().map(v -> v.id).toList());
        List<AgreementSummary> items = found.stream()
                .map(a -> new AgreementSummary(
                        a,
                        versions.get(a.id),
                        parties.getOrDefault(versions.get(a.id).id, List.of()).stream()
                                .map(p -> p.organisation)
                                .toList()))
                .toList();
        return PageView.of(items, page, size, agreements.count(filter, scope));
    }

    /** The agreement with its current version: in force, or last in force, or the latest. */
    @Transactional
    public AgreementDetails get(UUID id) {
        Agreement agreement = store.visible(id);
        return store.details(agreement, store.version(agreement, agreement.currentVersion()));
    }

    @Transactional
    public AgreementDetails version(UUID id, int number) {
        Agreement agreement = store.visible(id);
        return store.details(agreement, store.version(agreement, number));
    }

    @Transactional
    public List<AgreementHistory> history(UUID id) {
        Agreement agreement = store.visible(id);
        return agreements.history(agreement.id);
    }

    @Transactional
    public PageView<AgreementEvent> events(UUID id, int page, int size) {
        Agreement agreement = store.visible(id);
        return PageView.of(
                events.forAgreement(agreement.id, page, size), page, size, events.countForAgreement(agreement.id));
    }
}
