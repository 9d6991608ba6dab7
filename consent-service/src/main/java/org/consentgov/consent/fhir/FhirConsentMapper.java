package org.consentgov.consent.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.consentgov.consent.domain.ConsentCommands;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.platform.identifiers.IdentifierSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentPolicyComponent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentVerificationComponent;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A consent record as a FHIR R4 {@code Consent} resource, for health partners and the NHS. The subject is
 * referenced logically by identifier (NHS number first), never by a resource URL we do not serve; the
 * notice is the policy, pinned by slug, version and content hash.
 */
@ApplicationScoped
public class FhirConsentMapper {

    public static final String CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String LOINC = "http://loinc.org";
    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String IDENTIFIER_SYSTEM_PREFIX = "urn:consentgov:identifier:";
    /** FHIR's system for identifiers that are themselves URIs, used for {@code urn:uuid:<subject id>}. */
    public static final String URI_IDENTIFIER_SYSTEM = "urn:ietf:rfc:3986";

    public static final String PURPOSE_SYSTEM = "urn:consentgov:purpose";
    public static final String DATA_CATEGORY_SYSTEM = "urn:consentgov:data-category";
    public static final String NOTICE_SYSTEM = "urn:consentgov:notice";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    // Building a FhirContext scans the whole R4 model; it is thread-safe and made once.
    private final FhirContext fhir = FhirContext.forR4();

    public FhirContext fhirContext() {
        return fhir;
    }

    /** The record as compact FHIR JSON. */
    public String toJson(ConsentDetails details, String noticeUrl) {
        return fhir.newJsonParser().encodeResourceToString(toResource(details, noticeUrl));
    }

    public Consent toResource(ConsentDetails details, String noticeUrl) {
        ConsentRecord record = details.record();
        Consent consent = new Consent();
        consent.setId(record.id.toString());
        consent.setStatus(status(record.state, record.effective));
        consent.setScope(scope(orEmpty(record.purposes)));
        consent.addCategory(new CodeableConcept(new Coding(LOINC, "59284-0", "Patient Consent")));
        consent.setPatient(new Reference().setIdentifier(patientIdentifier(details)));
        if (record.recordedAt != null) {
            consent.setDateTimeElement(dateTime(record.recordedAt));
        }
        for (ConsentParty party : record.parties) {
            consent.addPerformer(new Reference().setDisplay(party.role));
        }
        consent.addPolicy(new ConsentPolicyComponent().setUri(noticeUrl));
        if (record.noticeSlug != null) {
            consent.setPolicyRule(new CodeableConcept(new Coding(NOTICE_SYSTEM, record.noticeSlug, null)
                            .setVersion(String.valueOf(record.noticeVersion)))
                    .setText("Notice '" + record.noticeSlug + "' version "
                            + record.noticeVersion + ", content SHA-256 "
                            + record.noticeContentHash));
        }
        consent.setProvision(provision(record));
        for (ConsentParty party : record.parties) {
            ConsentVerificationComponent verification = consent.addVerification()
                    .setVerified(party.decision == Decision.GIVEN)
                    .setVerifiedWith(new Reference().setDisplay(party.role));
            if (party.decidedOn != null) {
                verification.setVerificationDateElement(date(party.decidedOn));
            }
        }
        return consent;
    }

    /** ACTIVE but still waiting for a required party is only proposed; ended records are inactive. */
    public static Consent.ConsentState status(ConsentState state, boolean effective) {
        return switch (state) {
            case ACTIVE -> effective ? Consent.ConsentState.ACTIVE : Consent.ConsentState.PROPOSED;
            case REFUSED -> Consent.ConsentState.REJECTED;
            case WITHDRAWN, EXPIRED, SUPERSEDED -> Consent.ConsentState.INACTIVE;
            case INVALIDATED -> Consent.ConsentState.ENTEREDINERROR;
        };
    }

    private static CodeableConcept scope(List<String> purposes) {
        boolean research = purposes.stream().anyMatch(p -> p != null && p.startsWith("research"));
        return new CodeableConcept(
                research
                        ? new Coding(CONSENT_SCOPE_SYSTEM, "research", "Research")
                        : new Coding(CONSENT_SCOPE_SYSTEM, "patient-privacy", "Privacy Consent"));
    }

    /** The NHS number when there is one, else the first external identifier, else the internal subject id. */
    private static Identifier patientIdentifier(ConsentDetails details) {
        ConsentRecord record = details.record();
        List<ConsentCommands.Identifier> identifiers = orEmpty(details.identifiers());
        ConsentCommands.Identifier chosen = identifiers.stream()
                .filter(i -> IdentifierSystem.NHS_NUMBER.code().equals(i.system()))
                .findFirst()
                .orElse(identifiers.isEmpty() ? null : identifiers.get(0));
        if (chosen == null) {
            return new Identifier().setSystem(URI_IDENTIFIER_SYSTEM).setValue("urn:uuid:" + record.subjectId);
        }
        String system = IdentifierSystem.NHS_NUMBER.code().equals(chosen.system())
                ? NHS_NUMBER_SYSTEM
                : IDENTIFIER_SYSTEM_PREFIX + chosen.system();
        return new Identifier().setSystem(system).setValue(chosen.value());
    }

    private static ProvisionComponent provision(ConsentRecord record) {
        ProvisionComponent provision = new ProvisionComponent()
                .setType(record.decision == Decision.GIVEN ? ConsentProvisionType.PERMIT : ConsentProvisionType.DENY);
        Instant end = record.endedAt != null ? record.endedAt : record.expiresAt;
        if (record.effectiveFrom != null || end != null) {
            Period period = new Period();
            if (record.effectiveFrom != null) {
                period.setStartElement(dateTime(record.effectiveFrom));
            }
            // ended (withdrawn, superseded, ...) or, while in force, when it will expire
            if (end != null) {
                period.setEndElement(dateTime(end));
            }
            provision.setPeriod(period);
        }
        for (String purpose : orEmpty(record.purposes)) {
            provision.addPurpose(new Coding().setSystem(PURPOSE_SYSTEM).setCode(purpose));
        }
        for (String category : orEmpty(record.dataCategories)) {
            provision.addClass_(new Coding().setSystem(DATA_CATEGORY_SYSTEM).setCode(category));
        }
        return provision;
    }

    private static DateTimeType dateTime(Instant instant) {
        TemporalPrecisionEnum precision =
                instant.getNano() == 0 ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
        DateTimeType type = new DateTimeType(Date.from(instant), precision);
        type.setTimeZone(UTC);
        return type;
    }

    private static DateTimeType date(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
