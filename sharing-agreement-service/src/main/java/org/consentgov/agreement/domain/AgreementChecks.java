package org.consentgov.agreement.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.domain.AgreementContent.NoticeLink;
import org.consentgov.agreement.notices.NoticeDirectory;
import org.consentgov.agreement.notices.PublishedNotice;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.OrganisationRepository;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.Violations;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * The checks an agreement's content passes: the rules on every save, a reference unique among overlapping
 * agreements, and the legal rules against the linked notices before a version comes into force. The pure
 * rules are {@link AgreementRules}; this class feeds them what they need from the database and notice-service.
 */
@ApplicationScoped
class AgreementChecks {

    /** The linked notices of a version as notice-service publishes them, asked for before any lock is taken. */
    record LinkedNotices(Set<NoticeLink> asked, Map<NoticeLink, PublishedNotice> published) {}

    private final AgreementRepository agreements;
    private final OrganisationRepository organisations;
    private final NoticeDirectory notices;
    private final AgreementContentJson json;
    private final AgreementRules rules;
    private final Clock clock;

    AgreementChecks(
            AgreementRepository agreements,
            OrganisationRepository organisations,
            NoticeDirectory notices,
            AgreementContentJson json,
            Vocabulary vocabulary,
            Clock clock) {
        this.agreements = agreements;
        this.organisations = organisations;
        this.notices = notices;
        this.json = json;
        this.rules = new AgreementRules(vocabulary);
        this.clock = clock;
    }

    void onSave(AgreementContent content) {
        Set<String> known = organisations
                .bySlug(content.parties().stream()
                        .map(AgreementContent.Party::organisation)
                        .toList())
                .keySet();
        Violations.require(rules.onSave(content, known), "content.");
    }

    void requireUniqueReference(String reference, UUID except, AgreementContent content) {
        for (AgreementVersion other : agreements.latestVersionsWithReference(reference, except)) {
            if (overlaps(content.startDate(), content.endDate(), other.startDate, other.endDate)) {
                throw AgreementErrors.DUPLICATE_REFERENCE
                        .problem("Another agreement with reference '" + reference
                                + "' runs from " + other.startDate
                                + (other.endDate == null ? " without an end date" : " to " + other.endDate)
                                + ", overlapping these dates; references are unique among overlapping agreements")
                        .with("conflictingAgreement", other.agreementId.toString());
            }
        }
    }

    static boolean overlaps(LocalDate startA, LocalDate endA, LocalDate startB, LocalDate endB) {
        return (endB == null || !startA.isAfter(endB)) && (endA == null || !startB.isAfter(endA));
    }

    /**
     * Reads which notices the version links (a short read), then asks notice-service for each, outside this
     * service's own transaction (503 when it cannot answer). Unknown agreements and versions are left to the
     * locked step that follows, which reports them.
     */
    LinkedNotices linkedNotices(UUID id, Scope scope, Function<Agreement, Optional<AgreementVersion>> whichVersion) {
        List<NoticeLink> links = QuarkusTransaction.joiningExisting().call(() -> {
            try {
                Agreement agreement = agreements.findVisible(id, scope).orElse(null);
                if (agreement == null) {
                    return List.<NoticeLink>of();
                }
                return whichVersion
                        .apply(agreement)
                        .map(v -> json.read(v.content).linkedNotices())
                        .orElse(List.of());
            } catch (ProblemException e) {
                return List.<NoticeLink>of();
            }
        });
        Map<NoticeLink, PublishedNotice> published = new LinkedHashMap<>();
        for (NoticeLink link : links) {
            notices.version(link.slug(), link.version()).ifPresent(n -> published.put(link, n));
        }
        return new LinkedNotices(Set.copyOf(links), published);
    }

    /** The legal rules and the linked notices, as asked of notice-service just before. */
    void forActivation(AgreementContent content, LinkedNotices notices) {
        onSave(content);
        if (!notices.asked().containsAll(content.linkedNotices())) {
            throw AgreementErrors.AGREEMENT_CHANGED.problem(
                    "The agreement changed while its notices were being checked; read it again and retry");
        }
        Violations.require(
                rules.forActivation(content, notices.published(), AgreementDates.day(clock.instant())), "content.");
    }
}
