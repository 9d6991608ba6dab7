package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.IdentifierRequest;
import org.consentgov.consent.api.ConsentRequests.SubjectRequest;
import org.consentgov.consent.api.ConsentViews.IdentifierView;
import org.consentgov.consent.api.ConsentViews.SubjectView;
import org.consentgov.consent.persistence.Subject;
import org.consentgov.consent.persistence.SubjectAccess;
import org.consentgov.consent.persistence.SubjectIdentifier;
import org.consentgov.consent.persistence.SubjectRepository;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/** Subjects and their identifiers; and the log of who read whose personal data. */
@ApplicationScoped
public class SubjectService {

    private static final Logger LOG = Logger.getLogger(SubjectService.class);

    private final SubjectRepository subjects;
    private final Caller caller;
    private final Clock clock;

    public SubjectService(SubjectRepository subjects, Caller caller, Clock clock) {
        this.subjects = subjects;
        this.caller = caller;
        this.clock = clock;
    }

    /** Valid, normalised identifiers, or a 400 naming each bad one. */
    public static List<IdentifierView> validate(List<IdentifierRequest> identifiers, String field) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, IdentifierView> out = new LinkedHashMap<>();
        for (int i = 0; i < identifiers.size(); i++) {
            IdentifierRequest id = identifiers.get(i);
            Optional<IdentifierSystem> system = IdentifierSystem.fromCode(id.system());
            if (system.isEmpty()) {
                errors.add(new FieldError(
                        field + "[" + i + "].system",
                        "unknown identifier system '" + id.system()
                                + "'; use nhs-number, upn, ni-number or case-management-id"));
                continue;
            }
            String value = system.get().normalise(id.value());
            Optional<String> problem = system.get().problem(value);
            if (problem.isPresent()) {
                errors.add(new FieldError(field + "[" + i + "].value", problem.get()));
                continue;
            }
            if (out.containsKey(system.get().code())) {
                errors.add(new FieldError(field + "[" + i + "].system", "only one identifier per system"));
                continue;
            }
            out.put(system.get().code(), new IdentifierView(system.get().code(), value));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemKind.BAD_REQUEST,
                    "invalid-identifier",
                    errors.size() == 1 ? errors.get(0).message() : errors.size() + " identifiers are invalid",
                    errors);
        }
        return List.copyOf(out.values());
    }

    /** The subject these identifiers name, created if none does. All identifiers must agree on one subject. */
    @Transactional
    public Subject resolveOrCreate(SubjectRequest request, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        List<IdentifierView> identifiers = validate(request.identifiers(), prefix + "identifiers");
        LocalDate today = LocalDate.now(clock.withZone(WithdrawalWindow.LONDON));
        if (request.dateOfBirth().isAfter(today)) {
            throw ProblemException.rule("date-in-future", "The date of birth is in the future", prefix + "dateOfBirth");
        }
        Subject found = null;
        for (IdentifierView id : identifiers) {
            Optional<Subject> match = subjects.findByIdentifier(id.system(), id.value());
            if (match.isPresent()) {
                if (found != null && !found.id.equals(match.get().id)) {
                    throw ProblemException.rule(
                            "identifiers-name-different-subjects",
                            "These identifiers belong to two different subjects; resolve the duplicate first",
                            prefix + "identifiers");
                }
                found = match.get();
            }
        }
        if (found != null) {
            if (!found.dateOfBirth.equals(request.dateOfBirth())) {
                throw ProblemException.rule(
                        "date-of-birth-mismatch",
                        "The subject with these identifiers has another date of birth",
                        prefix + "dateOfBirth");
            }
            for (IdentifierView id : identifiers) {
                if (subjects.findByIdentifier(id.system(), id.value()).isEmpty()) {
                    addIdentifier(found, id);
                }
            }
            return found;
        }
        Subject subject = new Subject();
        subject.id = UUID.randomUUID();
        subject.dateOfBirth = request.dateOfBirth();
        subject.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        subject.createdBy = caller.name();
        subjects.persist(subject);
        identifiers.forEach(id -> addIdentifier(subject, id));
        return subject;
    }

    @Transactional
    public SubjectView create(SubjectRequest request) {
        List<IdentifierView> identifiers = validate(request.identifiers(), "identifiers");
        for (IdentifierView id : identifiers) {
            Optional<Subject> existing = subjects.findByIdentifier(id.system(), id.value());
            if (existing.isPresent()) {
                throw ProblemException.conflict(
                                "subject-exists", "A subject with this " + id.system() + " already exists")
                        .with("subjectId", existing.get().id);
            }
        }
        Subject subject = resolveOrCreate(request, "");
        return view(subject);
    }

    @Transactional
    public SubjectView get(UUID id) {
        Subject subject = subjects.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Subject", id));
        logAccess(subject.id, "read-subject");
        return view(subject);
    }

    @Transactional
    public SubjectView find(String identifier) {
        IdentifierView id = parseIdentifier(identifier, "identifier");
        Subject subject = subjects.findByIdentifier(id.system(), id.value())
                .orElseThrow(() ->
                        new ProblemException(ProblemKind.NOT_FOUND, "not-found", "No subject has this identifier"));
        logAccess(subject.id, "find-subject");
        return view(subject);
    }

    /** {@code system:value}, e.g. {@code nhs-number:9434765919}. */
    public static IdentifierView parseIdentifier(String text, String field) {
        if (text == null || !text.contains(":")) {
            throw ProblemException.badRequest(
                    "invalid-identifier", "Give the identifier as system:value, e.g. nhs-number:9434765919", field);
        }
        String[] parts = text.split(":", 2);
        try {
            return validate(List.of(new IdentifierRequest(parts[0], parts[1])), field)
                    .get(0);
        } catch (ProblemException e) {
            // a query parameter has no [0].value inside it: name the parameter itself
            throw ProblemException.badRequest(e.code(), e.getMessage(), field);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void logAccess(UUID subjectId, String action) {
        SubjectAccess access = new SubjectAccess();
        access.id = UUID.randomUUID();
        access.subjectId = subjectId;
        access.actor = caller.name();
        access.actorOrg = caller.org().orElse(null);
        access.action = action;
        access.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        access.requestId = RequestIds.current();
        subjects.logAccess(access);
        LOG.infof("subject access: %s by %s (%s) subject=%s", action, access.actor, access.actorOrg, subjectId);
    }

    public SubjectView view(Subject subject) {
        return new SubjectView(
                subject.id,
                subject.dateOfBirth,
                subjects.identifiers(subject.id).stream()
                        .map(i -> new IdentifierView(i.system, i.value))
                        .toList(),
                subject.createdAt,
                subject.rowVersion);
    }

    private void addIdentifier(Subject subject, IdentifierView id) {
        SubjectIdentifier identifier = new SubjectIdentifier();
        identifier.id = UUID.randomUUID();
        identifier.subject = subject;
        identifier.system = id.system();
        identifier.value = id.value();
        subjects.persistIdentifier(identifier);
    }
}
