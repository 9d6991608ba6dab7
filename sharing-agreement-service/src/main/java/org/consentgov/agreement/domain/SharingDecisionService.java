package org.consentgov.agreement.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Objects;
import java.util.UUID;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.consent.ConsentAnswer;
import org.consentgov.agreement.domain.SharingEvaluation.Evaluation;
import org.consentgov.agreement.domain.SharingEvaluation.NoticeCitation;
import org.consentgov.agreement.domain.SharingPolicy.Candidate;
import org.consentgov.agreement.domain.SharingPolicy.Decision;
import org.consentgov.agreement.domain.SharingPolicy.Outcome;
import org.consentgov.agreement.domain.SharingPolicy.Question;
import org.consentgov.agreement.domain.SharingPolicy.Reason;
import org.consentgov.agreement.persistence.AgreementStateLocks;
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
 * Takes sharing decisions, keeps them and replays them. A decision is evaluated at its valid time {@code at} with
 * what was known when it was asked ({@link SharingEvaluation}); consent-service and notice-service are asked outside
 * any transaction of this service's own, so that no database connection waits on them, and the decision — with the
 * disclosure when asked to record one — is written in one transaction. Every decision is stored, PERMIT or DENY,
 * so that a disclosure can cite it and a replay can show why it was made.
 */
@ApplicationScoped
public class SharingDecisionService {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};

    /** How far ahead a decision or disclosure may be dated: clocks differ a little, data does not travel in time. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final AgreementStateLocks locks;
    private final SharingDecisionRepository decisions;
    private final DisclosureRepository disclosures;
    private final OrganisationRepository organisations;
    private final DisclosureService disclosureService;
    private final SharingEvaluation evaluation;
    private final Vocabulary vocabulary;
    private final ObjectMapper mapper;
    private final Scopes scopes;
    private final Caller caller;
    private final Clock clock;
    private final MeterRegistry metrics;

    public SharingDecisionService(
            AgreementStateLocks locks,
            SharingDecisionRepository decisions,
            DisclosureRepository disclosures,
            OrganisationRepository organisations,
            DisclosureService disclosureService,
            SharingEvaluation evaluation,
            Vocabulary vocabulary,
            ObjectMapper mapper,
            Scopes scopes,
            Caller caller,
            Clock clock,
            MeterRegistry metrics) {
        this.locks = locks;
        this.decisions = decisions;
        this.disclosures = disclosures;
        this.organisations = organisations;
        this.disclosureService = disclosureService;
        this.evaluation = evaluation;
        this.vocabulary = vocabulary;
        this.mapper = mapper;
        this.scopes = scopes;
        this.caller = caller;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Decides and writes the decision: {@link #evaluate} then {@link #record}. */
    public RecordedDecision decide(DecisionCommand r) {
        return record(evaluate(r));
    }

    /**
     * Checks the question and evaluates it, outside any transaction: nothing is written and no database
     * connection is held while consent-service and notice-service are asked.
     */
    public Evaluated evaluate(DecisionCommand r) {
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
        Instant now = SharingEvaluation.micros(clock.instant());
        Instant at = r.at() == null ? now : SharingEvaluation.micros(r.at());
        if (record && r.transferMethod() == null) {
            throw AgreementErrors.TRANSFER_METHOD_REQUIRED.problem(
                    "Name the transfer method to record a disclosure", "transferMethod");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw record
                    ? AgreementErrors.DISCLOSURE_IN_FUTURE.problem(
                            "A disclosure cannot be recorded before it happens", "at")
                    : AgreementErrors.DECISION_IN_FUTURE.problem(
                            "A decision is about now or the past: nobody knows yet what will be in force then", "at");
        }
        // in a transaction of its own: a query outside one would keep its connection until the request ends
        if (!QuarkusTransaction.joiningExisting().call(() -> organisations.registered(r.recipient()))) {
            throw AgreementErrors.UNKNOWN_ORGANISATION.problem(
                    "No organisation '" + r.recipient() + "' is registered", "recipient");
        }
        Question question = new Question(
                r.recipient(), r.categories().stream().distinct().toList(), r.purpose(), at, r.transferMethod());
        return new Evaluated(evaluation.evaluate(question, subject, now), subject, record);
    }

    /** Writes an evaluated decision, with its disclosure when asked to record one, in one transaction. */
    public RecordedDecision record(Evaluated x) {
        return QuarkusTransaction.joiningExisting().call(() -> store(x.evaluation, x.subject, x.record));
    }

    /** A question checked and evaluated, not yet written. */
    public static final class Evaluated {
        private final Evaluation evaluation;
        private final Identifier subject;
        private final boolean record;

        Evaluated(Evaluation evaluation, Identifier subject, boolean record) {
            this.evaluation = evaluation;
            this.subject = subject;
            this.record = record;
        }
    }

    @Transactional
    public RecordedDecision get(UUID id) {
        return load(id, AgreementAccess.READ_DECISION);
    }

    /**
     * Evaluates a stored decision again at its {@code at} with what was known at its {@code decidedAt}, and says
     * whether it comes out the same. Writes no decision and no disclosure; the read is logged like any other.
     */
    public DecisionReplay replay(UUID id) {
        RecordedDecision original =
                QuarkusTransaction.requiringNew().call(() -> load(id, AgreementAccess.REPLAY_DECISION));
        SharingDecision d = original.decision();
        Question question = new Question(d.recipient, d.categories, d.purpose, d.at, d.transferMethod);
        Identifier subject = DisclosureService.subject(d.subjectSystem + ":" + d.subjectValue, "subject");
        Evaluation e = evaluation.evaluate(question, subject, d.decidedAt);
        Relied replayed = relied(e);
        boolean matches = d.outcome == e.outcome().decision()
                && read(d.reasons).equals(e.outcome().reasons())
                && Objects.equals(d.agreementId, replayed.agreementId())
                && Objects.equals(d.agreementVersion, replayed.agreementVersion())
                && Objects.equals(d.noticeSlug, replayed.noticeSlug())
                && Objects.equals(d.noticeVersion, replayed.noticeVersion())
                && Objects.equals(d.noticeHash, replayed.noticeHash())
                && Objects.equals(d.consentRecordId, replayed.consentRecordId())
                && Objects.equals(d.consentHistoryLength, replayed.consentHistoryLength());
        return new DecisionReplay(original, e.knownAt(), e.outcome(), replayed, matches);
    }

    private RecordedDecision load(UUID id, String action) {
        SharingDecision d = decisions
                .findVisible(id, scopes.current())
                .orElseThrow(() -> ProblemException.notFound("Decision", id));
        boolean identifiers = disclosureService.identifiers();
        if (identifiers) {
            disclosureService.logAccess(AccessedSubject.byIdentifier(d.subjectSystem, d.subjectValue), action);
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

    /** What a decision relies on: the agreement version, the notice version and the consent record as it stood. */
    public record Relied(
            UUID agreementId,
            String agreementReference,
            Integer agreementVersion,
            String noticeSlug,
            Integer noticeVersion,
            String noticeHash,
            UUID consentRecordId,
            Integer consentHistoryLength) {}

    static Relied relied(Evaluation e) {
        Candidate c = e.outcome().candidate();
        NoticeCitation n = c == null ? null : e.notice();
        ConsentAnswer answer = e.consent();
        boolean record = answer != null && answer.recordId() != null;
        return new Relied(
                c == null ? null : c.agreementId(),
                c == null ? null : c.reference(),
                c == null ? null : c.version(),
                n == null ? null : n.slug(),
                n == null ? null : n.version(),
                n == null ? null : n.contentHash(),
                record ? answer.recordId() : null,
                record ? answer.historyLength() : null);
    }

    private RecordedDecision store(Evaluation e, Identifier subject, boolean record) {
        Question q = e.question();
        Instant now = e.knownAt();
        Outcome outcome = e.outcome();
        Candidate c = outcome.candidate();
        Outcome kept = outcome;
        if (c != null && outcome.decision() == Decision.PERMIT) {
            // a change written by the time asked about but committed while consent-service was asked; the lock
            // is shared with other decisions and waits only for a change of the agreement's state in progress
            locks.holdInForceState(c.agreementId());
            if (!evaluation.stillActive(c.versionId(), e.historyBy())) {
                kept = new Outcome(
                        Decision.DENY,
                        List.of(new Reason(
                                "agreement-changed",
                                c.reference() + " version " + c.version()
                                        + " changed while the decision was taken; ask again")),
                        List.of(),
                        c);
            }
        }
        Relied relied = relied(e);
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
        d.agreementId = relied.agreementId();
        d.agreementReference = relied.agreementReference();
        d.agreementVersion = relied.agreementVersion();
        d.noticeSlug = relied.noticeSlug();
        d.noticeVersion = relied.noticeVersion();
        d.noticeHash = relied.noticeHash();
        d.consentRecordId = relied.consentRecordId();
        d.consentHistoryLength = relied.consentHistoryLength();
        d.requestId = RequestIds.current();
        decisions.persist(d);
        UUID disclosureId = null;
        if (record && kept.decision() == Decision.PERMIT) {
            Disclosure disclosure = disclosureService.recordFor(d, q.transferMethod(), q.at(), now);
            disclosureId = disclosure.id;
        }
        decisions.flush();
        // the answer names the subject and what may be shared about them: a read of that subject, logged once
        disclosureService.logAccess(new AccessedSubject.ByIdentifier(subject), AgreementAccess.DECIDE);
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

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision cannot be serialised", e);
        }
    }

    private List<Reason> read(String json) {
        try {
            return mapper.readValue(json, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision is unreadable", e);
        }
    }
}
