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
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.domain.ConsentCommands.SubjectDetails;
import org.consentgov.consent.persistence.Subject;
import org.consentgov.consent.persistence.SubjectIdentifier;
import org.consentgov.consent.persistence.SubjectRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.identifiers.IdentifierSystem;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Caller;

/** Subjects and their identifiers; each read of a subject is written to the platform's {@link SubjectAccessLog}. */
@ApplicationScoped
public class SubjectService {

    private final SubjectRepository subjects;
    private final Caller caller;
    private final Clock clock;
    private final SubjectAccessLog accessLog;

    public SubjectService(SubjectRepository subjects, Caller caller, Clock clock, SubjectAccessLog accessLog) {
        this.subjects = subjects;
        this.caller = caller;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /** A subject and its identifiers, as the caller may see them. */
    public record SubjectProfile(Subject subject, List<Identifier> identifiers) {}

    /** Valid, normalised identifiers, or a 400 naming each bad one. */
    public static List<Identifier> validate(List<Identifier> identifiers, String field) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Identifier> out = new LinkedHashMap<>();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier id = identifiers.get(i);
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
            out.put(system.get().code(), new Identifier(system.get().code(), value));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ConsentErrors.INVALID_IDENTIFIER.kind(),
                    ConsentErrors.INVALID_IDENTIFIER.code(),
                    errors.size() == 1 ? errors.get(0).message() : errors.size() + " identifiers are invalid",
                    errors);
        }
        return List.copyOf(out.values());
    }

    /** The subject these identifiers name, created if none does. All identifiers must agree on one subject. */
    @Transactional
    public Subject resolveOrCreate(SubjectDetails request, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        List<Identifier> identifiers = validate(request.identifiers(), prefix + "identifiers");
        LocalDate today = LocalDate.now(clock.withZone(WithdrawalPolicy.LONDON));
        if (request.dateOfBirth().isAfter(today)) {
            throw ConsentErrors.DATE_IN_FUTURE.problem("The date of birth is in the future", prefix + "dateOfBirth");
        }
        Subject found = null;
        for (Identifier id : identifiers) {
            Optional<Subject> match = subjects.findByIdentifier(id.system(), id.value());
            if (match.isPresent()) {
                if (found != null && !found.id.equals(match.get().id)) {
                    throw ConsentErrors.IDENTIFIERS_NAME_DIFFERENT_SUBJECTS.problem(
                            "These identifiers belong to two different subjects; resolve the duplicate first",
                            prefix + "identifiers");
                }
                found = match.get();
            }
        }
        if (found != null) {
            if (!found.dateOfBirth.equals(request.dateOfBirth())) {
                throw ConsentErrors.DATE_OF_BIRTH_MISMATCH.problem(
                        "The subject with these identifiers has another date of birth", prefix + "dateOfBirth");
            }
            for (Identifier id : identifiers) {
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
    public SubjectProfile create(SubjectDetails request) {
        List<Identifier> identifiers = validate(request.identifiers(), "identifiers");
        for (Identifier id : identifiers) {
            Optional<Subject> existing = subjects.findByIdentifier(id.system(), id.value());
            if (existing.isPresent()) {
                throw ConsentErrors.SUBJECT_EXISTS
                        .problem("A subject with this " + id.system() + " already exists")
                        .with("subjectId", existing.get().id);
            }
        }
        Subject subject = resolveOrCreate(request, "");
        accessLog.record(AccessedSubject.byId(subject.id), ConsentAccess.CREATE_SUBJECT);
        return profile(subject);
    }

    @Transactional
    public SubjectProfile get(UUID id) {
        Subject subject = subjects.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Subject", id));
        accessLog.record(AccessedSubject.byId(subject.id), ConsentAccess.READ_SUBJECT);
        return profile(subject);
    }

    @Transactional
    public SubjectProfile find(String identifier) {
        Identifier id = parseIdentifier(identifier, "identifier");
        Subject subject = subjects.findByIdentifier(id.system(), id.value())
                .orElseThrow(() -> ConsentErrors.NOT_FOUND.problem("No subject has this identifier"));
        accessLog.record(AccessedSubject.byId(subject.id), ConsentAccess.FIND_SUBJECT);
        return profile(subject);
    }

    /** {@code system:value}, e.g. {@code nhs-number:9434765919}. */
    public static Identifier parseIdentifier(String text, String field) {
        if (text == null || !text.contains(":")) {
            throw ConsentErrors.INVALID_IDENTIFIER.problem(
                    "Give the identifier as system:value, e.g. nhs-number:9434765919", field);
        }
        String[] parts = text.split(":", 2);
        try {
            return validate(List.of(new Identifier(parts[0], parts[1])), field).get(0);
        } catch (ProblemException e) {
            // a query parameter has no [0].value inside it: name the parameter itself
            throw ProblemException.badRequest(e.code(), e.getMessage(), field);
        }
    }

    /** The subject with its identifiers, read in the caller's transaction. */
    public SubjectProfile profile(Subject subject) {
        return new SubjectProfile(subject, identifiers(subject.id));
    }

    /** A subject's identifiers. */
    public List<Identifier> identifiers(UUID subjectId) {
        return subjects.identifiers(subjectId).stream()
                .map(i -> new Identifier(i.system, i.value))
                .toList();
    }

    private void addIdentifier(Subject subject, Identifier id) {
        SubjectIdentifier identifier = new SubjectIdentifier();
        identifier.id = UUID.randomUUID();
        identifier.subject = subject;
        identifier.system = id.system();
        identifier.value = id.value();
        subjects.persistIdentifier(identifier);
    }
}
