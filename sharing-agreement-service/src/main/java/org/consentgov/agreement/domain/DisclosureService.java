package org.consentgov.agreement.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.config.AgreementConfig;
import org.consentgov.agreement.domain.SharingEvaluation.Evaluation;
import org.consentgov.agreement.domain.SharingPolicy.Candidate;
import org.consentgov.agreement.domain.SharingPolicy.Outcome;
import org.consentgov.agreement.domain.SharingPolicy.Question;
import org.consentgov.agreement.domain.SharingPolicy.Reason;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.Disclosure;
import org.consentgov.agreement.persistence.DisclosureFilter;
import org.consentgov.agreement.persistence.DisclosureRepository;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.agreement.persistence.SharingDecision;
import org.consentgov.agreement.persistence.SharingDecisionRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.identifiers.Identifier;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * The disclosure log: who received what about whom, under which agreement version and decision. It answers a
 * subject access request ("who was my data shared with?"). Every read that names a subject is itself logged;
 * auditors read without identifiers; partners and researchers see only what their organisation received.
 */
@ApplicationScoped
public class DisclosureService {

    private final DisclosureRepository disclosures;
    private final SharingDecisionRepository decisions;
    private final AgreementRepository agreements;
    private final AgreementContentJson contentJson;
    private final EventLog events;
    private final Vocabulary vocabulary;
    private final Scopes scopes;
    private final SubjectAccessLog accessLog;
    private final Caller caller;
    private final SharingEvaluation evaluation;
    private final AgreementConfig config;
    private final Clock clock;

    public DisclosureService(
            DisclosureRepository disclosures,
            SharingDecisionRepository decisions,
            AgreementRepository agreements,
            AgreementContentJson contentJson,
            EventLog events,
            Vocabulary vocabulary,
            Scopes scopes,
            SubjectAccessLog accessLog,
            Caller caller,
            SharingEvaluation evaluation,
            AgreementConfig config,
            Clock clock) {
        this.disclosures = disclosures;
        this.decisions = decisions;
        this.agreements = agreements;
        this.contentJson = contentJson;
        this.events = events;
        this.vocabulary = vocabulary;
        this.scopes = scopes;
        this.accessLog = accessLog;
        this.caller = caller;
        this.evaluation = evaluation;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records a disclosure under an earlier PERMIT, re-checked for its own date: the question is evaluated again at
     * {@code disclosedAt} (between the decision's {@code at} and now) with what is known now, and a DENY now is a
     * 409 with its reasons; a PERMIT older than {@code agreement.decisions.permit-valid-for} is stale (409). Nothing
     * is stored unless it passes.
     */
    public ShownDisclosure record(DisclosureCommand r) {
        Instant now = SharingEvaluation.micros(clock.instant());
        Checked checked = QuarkusTransaction.joiningExisting().call(() -> check(r, now));
        SharingDecision d = checked.decision();
        Question question = new Question(d.recipient, d.categories, d.purpose, checked.disclosedAt(), checked.method());
        Evaluation e = evaluation.evaluate(question, subject(d.subjectSystem + ":" + d.subjectValue, "subject"), now);
        Outcome outcome = e.outcome();
        if (outcome.decision() != SharingPolicy.Decision.PERMIT) {
            throw noLongerPermits(d, outcome.reasons(), "it would now be DENY");
        }
        Candidate c = outcome.candidate();
        if (!c.agreementId().equals(d.agreementId) || c.version() != d.agreementVersion) {
            throw noLongerPermits(
                    d,
                    List.of(new Reason(
                            "agreement-version-changed",
                            c.reference() + " version " + c.version() + " is in force on " + checked.disclosedAt()
                                    + ", not version " + d.agreementVersion + " the decision relied on")),
                    "the agreement version it relied on is no longer the one in force");
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            // the unique decision_id refuses a second disclosure recorded meanwhile
            Disclosure x = recordFor(decisions.findById(d.id), checked.method(), checked.disclosedAt(), now);
            disclosures.flush();
            accessLog.record(
                    AccessedSubject.byIdentifier(x.subjectSystem, x.subjectValue), AgreementAccess.RECORD_DISCLOSURE);
            return new ShownDisclosure(x, true);
        });
    }

    private record Checked(SharingDecision decision, String method, Instant disclosedAt) {}

    /** Everything about the request itself, before anyone is asked anything. */
    private Checked check(DisclosureCommand r, Instant now) {
        SharingDecision d = decisions
                .findByIdOptional(r.decisionId())
                .orElseThrow(() -> ProblemException.notFound("Decision", r.decisionId()));
        if (d.outcome != SharingPolicy.Decision.PERMIT) {
            throw AgreementErrors.DECISION_NOT_PERMIT.problem(
                    "Decision " + d.id + " was " + d.outcome + "; a disclosure needs a PERMIT", "decisionId");
        }
        disclosures.forDecision(d.id).ifPresent(x -> {
            throw AgreementErrors.DECISION_ALREADY_DISCLOSED
                    .problem("Decision " + d.id + " is already recorded as disclosure " + x.id
                            + "; ask for a new decision for a new disclosure")
                    .with("disclosureId", x.id.toString());
        });
        String method = r.transferMethod() != null ? r.transferMethod() : d.transferMethod;
        if (method == null) {
            throw AgreementErrors.TRANSFER_METHOD_REQUIRED.problem(
                    "Name the transfer method of the disclosure", "transferMethod");
        }
        if (vocabulary.transferMethod(method).isEmpty()) {
            throw AgreementErrors.UNKNOWN_VOCABULARY_CODE.problem(
                    "'" + method + "' is not a transfer method code", "transferMethod");
        }
        AgreementContent content = contentJson.read(
                agreements.version(d.agreementId, d.agreementVersion).orElseThrow().content);
        if (!content.transfer().methods().contains(method)) {
            throw AgreementErrors.TRANSFER_METHOD_NOT_ALLOWED.problem(
                    d.agreementReference + " version " + d.agreementVersion + " allows transfer only by "
                            + String.join(", ", content.transfer().methods()),
                    "transferMethod");
        }
        Instant at = r.disclosedAt() != null ? SharingEvaluation.micros(r.disclosedAt()) : now;
        if (at.isAfter(now.plus(SharingDecisionService.CLOCK_SKEW))) {
            throw AgreementErrors.DISCLOSURE_IN_FUTURE.problem(
                    "A disclosure cannot be recorded before it happens", "disclosedAt");
        }
        if (at.isBefore(d.at)) {
            throw AgreementErrors.DISCLOSURE_BEFORE_DECISION
                    .problem(
                            "Decision " + d.id + " is about " + d.at
                                    + "; a disclosure before that is not covered by it",
                            "disclosedAt")
                    .with("decisionAt", d.at.toString());
        }
        Duration validFor = config.decisions().permitValidFor();
        if (now.isAfter(d.decidedAt.plus(validFor))) {
            throw AgreementErrors.DECISION_STALE
                    .problem("Decision " + d.id + " was taken at " + d.decidedAt + "; a PERMIT is relied on for "
                            + validFor + " only. Ask for a new decision")
                    .with("decidedAt", d.decidedAt.toString())
                    .with("validUntil", d.decidedAt.plus(validFor).toString());
        }
        return new Checked(d, method, at);
    }

    private static ProblemException noLongerPermits(SharingDecision d, List<Reason> reasons, String why) {
        return AgreementErrors.DECISION_NO_LONGER_PERMITS
                .problem("Decision " + d.id + " was a PERMIT, but " + why + "; nothing was recorded")
                .with(
                        "reasons",
                        reasons.stream()
                                .map(x -> Map.of("code", x.code(), "message", x.message()))
                                .toList());
    }

    /** Writes the disclosure of a PERMIT and its event, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    Disclosure recordFor(SharingDecision d, String method, Instant disclosedAt, Instant now) {
        Disclosure x = new Disclosure();
        x.id = UUID.randomUUID();
        x.decisionId = d.id;
        x.agreementId = d.agreementId;
        x.agreementReference = d.agreementReference;
        x.agreementVersion = d.agreementVersion;
        x.recipient = d.recipient;
        x.subjectSystem = d.subjectSystem;
        x.subjectValue = d.subjectValue;
        x.categories = d.categories;
        x.purpose = d.purpose;
        x.transferMethod = method;
        x.disclosedAt = disclosedAt;
        x.recordedAt = now;
        x.recordedBy = caller.name();
        x.recorderOrg = caller.org().orElse(null);
        disclosures.persist(x);
        events.raise("disclosure", x.id, x.agreementId, EventTypes.DISCLOSURE_RECORDED, payload(x), now, caller.name());
        return x;
    }

    /**
     * A page of the log. Shown with identifiers, it is a read of every subject on it (and of the subject asked
     * about, even with no disclosures): one access row each, the filter as detail.
     */
    @Transactional
    public PageView<ShownDisclosure> list(DisclosureFilter filter, int page, int size) {
        Scope scope = scopes.current();
        boolean identifiers = identifiers();
        List<Disclosure> found = disclosures.page(filter, scope, page, size);
        if (identifiers) {
            List<AccessedSubject> subjects = new ArrayList<>();
            if (filter.subjectValue() != null) {
                subjects.add(AccessedSubject.byIdentifier(filter.subjectSystem(), filter.subjectValue()));
            }
            found.forEach(x -> subjects.add(AccessedSubject.byIdentifier(x.subjectSystem, x.subjectValue)));
            accessLog.recordEach(subjects, AgreementAccess.LIST_DISCLOSURES, AgreementAccess.describe(filter));
        }
        return PageView.of(
                found.stream().map(x -> new ShownDisclosure(x, identifiers)).toList(),
                page,
                size,
                disclosures.count(filter, scope));
    }

    @Transactional
    public ShownDisclosure get(UUID id) {
        Disclosure x = disclosures
                .findVisible(id, scopes.current())
                .orElseThrow(() -> ProblemException.notFound("Disclosure", id));
        boolean identifiers = identifiers();
        if (identifiers) {
            accessLog.record(
                    AccessedSubject.byIdentifier(x.subjectSystem, x.subjectValue), AgreementAccess.READ_DISCLOSURE);
        }
        return new ShownDisclosure(x, identifiers);
    }

    /**
     * Streams every matching disclosure to the sink as it is read, in one transaction, without holding them all
     * in memory. With identifiers, each subject exported (and the subject asked about) is logged once for the
     * export, in that transaction, the filter as detail.
     */
    public void export(DisclosureFilter filter, Scope scope, boolean identifiers, Consumer<ShownDisclosure> sink) {
        SubjectAccessLog.Batch accesses =
                accessLog.batch(AgreementAccess.EXPORT_DISCLOSURES, AgreementAccess.describe(filter));
        QuarkusTransaction.requiringNew().run(() -> {
            if (identifiers && filter.subjectValue() != null) {
                accesses.add(AccessedSubject.byIdentifier(filter.subjectSystem(), filter.subjectValue()));
            }
            try (Stream<Disclosure> rows = disclosures.stream(filter, scope)) {
                rows.forEach(x -> {
                    if (identifiers) {
                        accesses.add(AccessedSubject.byIdentifier(x.subjectSystem, x.subjectValue));
                    }
                    sink.accept(new ShownDisclosure(x, identifiers));
                    disclosures.getEntityManager().detach(x);
                });
            }
            accesses.flush();
        });
    }

    /** The caller's scope and whether it may see identifiers, taken while the request is still being handled. */
    public Scope scope() {
        return scopes.current();
    }

    public boolean identifiers() {
        return !(caller.hasRole(Roles.AUDITOR)
                && !caller.hasRole(Roles.DPO)
                && !caller.hasRole(Roles.INTEGRATION)
                && !caller.hasRole(Roles.CASEWORKER));
    }

    /** Logs a read of one subject's data for the decisions, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void logAccess(AccessedSubject subject, String action) {
        accessLog.record(subject, action);
    }

    /** Parses a subject parameter: 400 with the field when it is no valid identifier. */
    public static Identifier subject(String text, String field) {
        Identifier.Parsed parsed = Identifier.parse(text);
        if (!parsed.valid()) {
            throw AgreementErrors.INVALID_SUBJECT.problem(parsed.problem(), field);
        }
        return parsed.identifier();
    }

    static Map<String, Object> payload(Disclosure x) {
        // no subject: events travel to subscribers that need to know that data passed, not about whom
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("disclosureId", x.id.toString());
        payload.put("decisionId", x.decisionId.toString());
        payload.put("agreementId", x.agreementId.toString());
        payload.put("reference", x.agreementReference);
        payload.put("version", x.agreementVersion);
        payload.put("recipient", x.recipient);
        payload.put("categories", x.categories);
        payload.put("purpose", x.purpose);
        payload.put("transferMethod", x.transferMethod);
        payload.put("disclosedAt", x.disclosedAt.toString());
        return payload;
    }
}
