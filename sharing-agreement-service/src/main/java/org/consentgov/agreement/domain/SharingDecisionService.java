package org.consentgov.agreement.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.consent.ConsentAnswer;
import org.consentgov.agreement.consent.ConsentGateway;
import org.consentgov.agreement.domain.SharingPolicy.Candidate;
import org.consentgov.agreement.domain.SharingPolicy.Decision;
import org.consentgov.agreement.domain.SharingPolicy.Outcome;
import org.consentgov.agreement.domain.SharingPolicy.Question;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Disclosure;
import org.consentgov.agreement.persistence.DisclosureRepository;
import org.consentgov.agreement.persistence.OrganisationRepository;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.agreement.persistence.SharingDecision;
import org.consentgov.agreement.persistence.SharingDecisionRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.identifiers.Identifier;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.problem.Violations;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * Takes sharing decisions and keeps them. The agreements are read, consent-service is asked (outside any
 * transaction of this service's own, so that no database connection waits on it), and the decision — with the
 * disclosure when asked to record one — is written in one transaction. Every decision is stored, PERMIT or DENY,
 * so that a disclosure can cite it.
 */
@ApplicationScoped
public class SharingDecisionService {

    /** The notice version a decision relied on. */
    private record NoticeVersion(String slug, int version, String contentHash) {}

    /** How far ahead a recorded disclosure may be dated: clocks differ a little, data does not travel in time. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final AgreementRepository agreements;
    private final SharingDecisionRepository decisions;
    private final DisclosureRepository disclosures;
    private final OrganisationRepository organisations;
    private final DisclosureService disclosureService;
    private final AgreementContentJson contentJson;
    private final ConsentGateway consent;
    private final SharingPolicy policy;
    private final Vocabulary vocabulary;
    private final ObjectMapper mapper;
    private final Scopes scopes;
    private final Caller caller;
    private final Clock clock;
    private final MeterRegistry metrics;

    public SharingDecisionService(
            AgreementRepository agreements,
            SharingDecisionRepository decisions,
            DisclosureRepository disclosures,
            OrganisationRepository organisations,
            DisclosureService disclosureService,
            AgreementContentJson contentJson,
            ConsentGateway consent,
            Vocabulary vocabulary,
            ObjectMapper mapper,
            Scopes scopes,
            Caller caller,
            Clock clock,
            MeterRegistry metrics) {
        this.agreements = agreements;
        this.decisions = decisions;
        this.disclosures = disclosures;
        this.organisations = organisations;
        this.disclosureService = disclosureService;
        this.contentJson = contentJson;
        this.consent = consent;
        this.policy = new SharingPolicy(vocabulary);
        this.vocabulary = vocabulary;
        this.mapper = mapper;
        this.scopes = scopes;
        this.caller = caller;
        this.clock = clock;
        this.metrics = metrics;
    }

    public RecordedDecision decide(DecisionCommand r) {
        Identifier subject = DisclosureService.subject(r.subject(), "subject");
        Violations.require(codes(r), "");
        Scope scope = scopes.current();
        boolean record = Boolean.TRUE.equals(r.record());
        if (!scope.allows(r.recipient())) {
            throw AgreementErrors.RECIPIENT_NOT_YOUR_ORGANISATION.problem(
                    "Partners and researchers may ask only what their own organisation may receive");
        }
        if (record && !scope.all()) {
            throw AgreementErrors.RECORD_NOT_ALLOWED.problem(
                    "Disclosures are recorded by the disclosing organisation, not by the recipient");
        }
        Instant now = clock.instant();
        Instant at = r.at() == null ? now : r.at();
        if (record && r.transferMethod() == null) {
            throw AgreementErrors.TRANSFER_METHOD_REQUIRED.problem(
                    "Name the transfer method to record a disclosure", "transferMethod");
        }
        if (record && at.isAfter(now.plus(CLOCK_SKEW))) {
            throw AgreementErrors.DISCLOSURE_IN_FUTURE.problem(
                    "A disclosure cannot be recorded before it happens; ask "
                            + "without record for a decision about a future time",
                    "at");
        }
        if (organisations.findBySlug(r.recipient()).isEmpty()) {
            throw AgreementErrors.UNKNOWN_ORGANISATION.problem(
                    "No organisation '" + r.recipient() + "' is registered", "recipient");
        }
        Question question = new Question(
                r.recipient(), r.categories().stream().distinct().toList(), r.purpose(), at, r.transferMethod());
        List<Candidate> candidates = QuarkusTransaction.joiningExisting().call(() -> candidates(r.recipient()));
        SharingPolicy.Assessment assessment = policy.assess(question, candidates);
        ConsentAnswer answer = assessment.needsConsent()
                ? consent.check(subject.toString(), assessment.consentNotice(), question.purpose(), at)
                : null;
        Outcome outcome = policy.decide(question, assessment, answer);
        return QuarkusTransaction.joiningExisting().call(() -> store(question, subject, outcome, answer, record, now));
    }

    @Transactional
    public RecordedDecision get(UUID id) {
        SharingDecision d = decisions
                .findVisible(id, scopes.current())
                .orElseThrow(() -> ProblemException.notFound("Decision", id));
        boolean identifiers = disclosureService.identifiers();
        if (identifiers) {
            disclosureService.logAccess(AccessedSubject.byIdentifier(d.subjectSystem, d.subjectValue), "read-decision");
        }
        return new RecordedDecision(
                d, disclosures.forDecision(d.id).map(x -> x.id).orElse(null), identifiers);
    }

    private List<RuleViolation> codes(DecisionCommand r) {
        List<RuleViolation> out = new ArrayList<>();
        for (int i = 0; i < r.categories().size(); i++) {
            if (vocabulary.dataCategory(r.categories().get(i)).isEmpty()) {
                out.add(AgreementErrors.UNKNOWN_VOCABULARY_CODE.violation(
                        "categories[" + i + "]", "'" + r.categories().get(i) + "' is not a data category code"));
            }
        }
        if (vocabulary.purpose(r.purpose()).isEmpty()) {
            out.add(AgreementErrors.UNKNOWN_VOCABULARY_CODE.violation(
                    "purpose", "'" + r.purpose() + "' is not a purpose code"));
        }
        if (r.transferMethod() != null
                && vocabulary.transferMethod(r.transferMethod()).isEmpty()) {
            out.add(AgreementErrors.UNKNOWN_VOCABULARY_CODE.violation(
                    "transferMethod", "'" + r.transferMethod() + "' is not a transfer method code"));
        }
        return out;
    }

    private List<Candidate> candidates(String recipient) {
        List<AgreementVersion> versions = agreements.inForceWithParty(recipient);
        Map<UUID, Agreement> byId =
                agreements.byIds(versions.stream().map(v -> v.agreementId).toList());
        return versions.stream()
                .map(v -> {
                    Agreement a = byId.get(v.agreementId);
                    return new Candidate(
                            a.id,
                            v.id,
                            a.reference,
                            v.number,
                            v.state,
                            contentJson.read(v.content),
                            v.effectiveFrom,
                            a.accessStartedAt,
                            a.accessEndsAt);
                })
                .toList();
    }

    private RecordedDecision store(
            Question q, Identifier subject, Outcome outcome, ConsentAnswer answer, boolean record, Instant now) {
        Candidate c = outcome.candidate();
        Outcome kept = outcome;
        if (c != null && outcome.decision() == Decision.PERMIT) {
            // the agreement may have been suspended or varied while consent-service was asked
            AgreementVersion v = agreements.lockForDecision(c.versionId()).orElse(null);
            if (v == null || v.state != AgreementState.ACTIVE) {
                kept = new Outcome(
                        Decision.DENY,
                        List.of(new SharingPolicy.Reason(
                                "agreement-changed",
                                c.reference() + " version " + c.version()
                                        + " changed while the decision was taken; ask again")),
                        List.of(),
                        c);
            }
        }
        SharingDecision d = new SharingDecision();
        d.id = UUID.randomUUID();
        d.decidedAt = now;
        d.at = q.at();
        d.requestedBy = caller.name();
        d.requesterOrg = caller.org().orElse(null);
        d.recipient = q.recipient();
        d.subjectSystem = subject.systemCode();
        d.subjectValue = subject.value();
        d.categories = q.categories();
        d.purpose = q.purpose();
        d.transferMethod = q.transferMethod();
        d.outcome = kept.decision();
        d.reasons = write(kept.reasons());
        d.obligations = write(kept.obligations());
        if (c != null) {
            d.agreementId = c.agreementId();
            d.agreementReference = c.reference();
            d.agreementVersion = c.version();
            NoticeVersion notice = notice(c, answer);
            if (notice != null) {
                d.noticeSlug = notice.slug();
                d.noticeVersion = notice.version();
                d.noticeHash = notice.contentHash();
            }
        }
        d.consentRecordId = answer != null && answer.consented() ? answer.recordId() : null;
        d.requestId = RequestIds.current();
        decisions.persist(d);
        UUID disclosureId = null;
        if (record && kept.decision() == Decision.PERMIT) {
            Disclosure disclosure = disclosureService.recordFor(d, q.transferMethod(), q.at(), now);
            disclosureId = disclosure.id;
        }
        decisions.flush();
        metrics.counter(
                        "sharing.decisions",
                        "decision",
                        d.outcome.name(),
                        "reason",
                        kept.decision() == Decision.PERMIT
                                ? "permit"
                                : kept.reasons().get(0).code())
                .increment();
        return new RecordedDecision(d, disclosureId, true);
    }

    /** The notice version relied on: the one consent was given under, else the notice the agreement links. */
    private static NoticeVersion notice(Candidate c, ConsentAnswer answer) {
        if (answer != null && answer.consented() && answer.noticeSlug() != null && answer.noticeVersion() != null) {
            return new NoticeVersion(answer.noticeSlug(), answer.noticeVersion(), answer.noticeHash());
        }
        List<AgreementContent.NoticeLink> links = c.content().linkedNotices();
        String preferred = c.content().consent().notice();
        return links.stream()
                .filter(l -> l.slug().equals(preferred))
                .findFirst()
                .or(() -> links.stream().findFirst())
                .map(l -> new NoticeVersion(l.slug(), l.version(), null))
                .orElse(null);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision cannot be serialised", e);
        }
    }
}
