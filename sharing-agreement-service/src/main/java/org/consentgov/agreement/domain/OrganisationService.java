package org.consentgov.agreement.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.persistence.Organisation;
import org.consentgov.agreement.persistence.OrganisationRepository;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.Violations;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;

/** The directory of organisations that can be party to agreements. Owns the transactions. */
@ApplicationScoped
public class OrganisationService {

    private static final TypeReference<List<SignatoryContact>> SIGNATORIES = new TypeReference<>() {};

    private final OrganisationRepository organisations;
    private final OrganisationRules rules;
    private final Vocabulary vocabulary;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Clock clock;

    public OrganisationService(
            OrganisationRepository organisations,
            Vocabulary vocabulary,
            ObjectMapper mapper,
            Caller caller,
            Clock clock) {
        this.organisations = organisations;
        this.rules = new OrganisationRules(vocabulary);
        this.vocabulary = vocabulary;
        this.mapper = mapper;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public PageView<RegisteredOrganisation> list(String type, int page, int size) {
        return PageView.of(
                organisations.page(type, page, size).stream().map(this::view).toList(),
                page,
                size,
                organisations.count(type));
    }

    @Transactional
    public RegisteredOrganisation get(String slug) {
        return view(organisation(slug));
    }

    @Transactional
    public RegisteredOrganisation create(String slug, OrganisationDetails details) {
        Violations.require(rules.check(details), "");
        if (organisations.findBySlug(slug).isPresent()) {
            throw AgreementErrors.ORGANISATION_EXISTS.problem("An organisation with id '" + slug + "' already exists");
        }
        Instant now = clock.instant();
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.slug = slug;
        o.createdAt = now;
        o.createdBy = caller.name();
        apply(o, details, now);
        organisations.persist(o);
        organisations.flush();
        return view(o);
    }

    @Transactional
    public RegisteredOrganisation update(String slug, long expectedVersion, OrganisationDetails details) {
        Organisation o = organisation(slug);
        ETags.requireCurrent(expectedVersion, o.rowVersion);
        Violations.require(rules.check(details), "");
        apply(o, details, clock.instant());
        organisations.flush();
        return view(o);
    }

    public boolean exists(String slug) {
        return organisations.findBySlug(slug).isPresent();
    }

    /** The signatory contacts of an organisation, for the signing rule. */
    public List<SignatoryContact> signatories(Organisation o) {
        return read(o.signatories);
    }

    private void apply(Organisation o, OrganisationDetails d, Instant now) {
        o.name = d.name();
        o.type = d.type();
        o.icoRegistrationNumber = d.icoRegistrationNumber();
        o.schoolUrn = d.schoolUrn();
        o.odsCode = d.odsCode();
        o.signatories = write(d.signatories());
        o.updatedAt = now;
        o.updatedBy = caller.name();
    }

    private Organisation organisation(String slug) {
        return organisations.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Organisation", slug));
    }

    private RegisteredOrganisation view(Organisation o) {
        return new RegisteredOrganisation(
                o,
                vocabulary
                        .organisationType(o.type)
                        .map(VocabularyDocument.Term::label)
                        .orElse(null),
                read(o.signatories));
    }

    private List<SignatoryContact> read(String json) {
        try {
            return mapper.readValue(json, SIGNATORIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored signatories are unreadable", e);
        }
    }

    private String write(List<SignatoryContact> signatories) {
        try {
            return mapper.writeValueAsString(signatories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("signatories cannot be serialised", e);
        }
    }
}
