package org.consentgov.agreement.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.consentgov.agreement.consent.ConsentAnswer;
import org.consentgov.agreement.consent.ConsentGateway;
import org.consentgov.agreement.domain.SharingPolicy.Assessment;
import org.consentgov.agreement.domain.SharingPolicy.Candidate;
import org.consentgov.agreement.domain.SharingPolicy.Outcome;
import org.consentgov.agreement.domain.SharingPolicy.Question;
import org.consentgov.agreement.notices.NoticeAtTime;
import org.consentgov.agreement.notices.NoticeDirectory;
import org.consentgov.agreement.persistence.AgreementTimeline;
import org.consentgov.platform.identifiers.Identifier;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * A sharing question evaluated at its valid time {@code at} with what the suite knew at {@code knownAt}: the
 * agreement versions in force then (from the agreements' history as written by then), the notice version in force
 * then (notice-service), and the consent in force then as consent-service had it recorded by {@code knownAt}. A new
 * decision evaluates with knownAt = now; a replay with knownAt = the decision's decidedAt; a disclosure under an
 * earlier PERMIT at its own date with knownAt = now. It writes nothing.
 */
@ApplicationScoped
class SharingEvaluation {

    /** The notice version a decision cites. */
    record NoticeCitation(String slug, int version, String contentHash) {}

    record Evaluation(
            Question question, Instant knownAt, Outcome outcome, ConsentAnswer consent, NoticeCitation notice) {

        /** The history is read up to the earlier of the two times: lifecycle changes are written as they happen. */
        Instant historyBy() {
            return by(question.at(), knownAt);
        }
    }

    private final AgreementTimeline timeline;
    private final AgreementContentJson contentJson;
    private final ConsentGateway consent;
    private final NoticeDirectory notices;
    private final SharingPolicy policy;

    SharingEvaluation(
            AgreementTimeline timeline,
            AgreementContentJson contentJson,
            ConsentGateway consent,
            NoticeDirectory notices,
            Vocabulary vocabulary) {
        this.timeline = timeline;
        this.contentJson = contentJson;
        this.consent = consent;
        this.notices = notices;
        this.policy = new SharingPolicy(vocabulary);
    }

    /** Times as the database keeps them (microseconds), so that a replay reads exactly what the decision read. */
    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant by(Instant at, Instant knownAt) {
        return at.isBefore(knownAt) ? at : knownAt;
    }

    /**
     * Evaluates outside any transaction of its own while it waits for the other services: consent-service is asked
     * only when nothing else refuses, and notice-service at the same time.
     */
    Evaluation evaluate(Question q, Identifier subject, Instant knownAt) {
        Instant by = by(q.at(), knownAt);
        List<Candidate> candidates = QuarkusTransaction.joiningExisting().call(() -> candidates(q.recipient(), by));
        Assessment assessment = policy.assess(q, candidates);
        String slug = assessment.candidate() == null ? null : noticeSlug(assessment.candidate());
        CompletableFuture<NoticeAtTime> notice =
                slug == null ? CompletableFuture.completedFuture(NoticeAtTime.NONE) : notices.inForceAt(slug, q.at());
        ConsentAnswer answer = assessment.needsConsent()
                ? consent.check(subject.toString(), assessment.consentNotice(), q.purpose(), q.at(), knownAt)
                : null;
        Outcome outcome = policy.decide(q, assessment, answer);
        return new Evaluation(q, knownAt, outcome, answer, cite(notice.join(), answer));
    }

    /** The version of one candidate's state at the time, read again (inside the caller's transaction). */
    boolean stillActive(UUID versionId, Instant by) {
        return timeline.stateOf(versionId, by).orElse(null) == AgreementState.ACTIVE;
    }

    private List<Candidate> candidates(String recipient, Instant by) {
        List<AgreementTimeline.VersionAt> versions = timeline.inForceWithParty(recipient, by);
        if (versions.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = versions.stream()
                .map(AgreementTimeline.VersionAt::agreementId)
                .distinct()
                .toList();
        Map<UUID, AccessWindow> windows = accessWindows(timeline.activations(ids, by));
        return versions.stream()
                .map(v -> {
                    AccessWindow w = windows.getOrDefault(v.agreementId(), AccessWindow.NONE);
                    return new Candidate(
                            v.agreementId(),
                            v.versionId(),
                            v.reference(),
                            v.number(),
                            v.state(),
                            contentJson.readFrozen(v.versionId(), v.contentHash(), v.content()),
                            v.effectiveFrom(),
                            w.startsAt(),
                            w.endsAt());
                })
                .toList();
    }

    private record AccessWindow(Instant startsAt, Instant endsAt) {
        static final AccessWindow NONE = new AccessWindow(null, null);
    }

    /**
     * The limited recipients' access window after each agreement's activations so far, in the order written: the
     * same steps AgreementActivation takes (a start date of its own, else from when access first began; a variation
     * does not restart it).
     */
    private Map<UUID, AccessWindow> accessWindows(List<AgreementTimeline.Activation> activations) {
        Map<UUID, AccessWindow> out = new HashMap<>();
        for (AgreementTimeline.Activation a : activations) {
            AgreementContent content = contentJson.readFrozen(a.versionId(), a.contentHash(), a.content());
            AccessWindow before = out.getOrDefault(a.agreementId(), AccessWindow.NONE);
            Instant started = before.startsAt();
            Instant ends = null;
            if (content.accessLimit() != null) {
                if (content.accessLimit().startsOn() != null) {
                    started = AgreementDates.startOf(content.accessLimit().startsOn());
                } else if (started == null) {
                    started = a.effectiveFrom();
                }
                ends = AgreementDates.accessEnd(started, content.accessLimit().months());
            }
            out.put(a.agreementId(), new AccessWindow(started, ends));
        }
        return out;
    }

    /** The notice to cite: the one consent is given under, else the first the agreement links. */
    private static String noticeSlug(Candidate c) {
        List<AgreementContent.NoticeLink> links = c.content().linkedNotices();
        String preferred = c.content().consent().notice();
        return links.stream()
                .map(AgreementContent.NoticeLink::slug)
                .filter(s -> s.equals(preferred))
                .findFirst()
                .or(() -> links.stream().map(AgreementContent.NoticeLink::slug).findFirst())
                .orElse(preferred);
    }

    /**
     * The version in force at the time as notice-service says; when it cannot say, the version consent-service says
     * the consent was given under; when no version was in force, none.
     */
    private static NoticeCitation cite(NoticeAtTime notice, ConsentAnswer answer) {
        return switch (notice.status()) {
            case IN_FORCE ->
                new NoticeCitation(
                        notice.notice().slug(),
                        notice.notice().version(),
                        notice.notice().contentHash());
            case NONE_IN_FORCE -> null;
            case UNAVAILABLE ->
                answer != null && answer.consented() && answer.noticeSlug() != null && answer.noticeVersion() != null
                        ? new NoticeCitation(answer.noticeSlug(), answer.noticeVersion(), answer.noticeHash())
                        : null;
        };
    }
}
