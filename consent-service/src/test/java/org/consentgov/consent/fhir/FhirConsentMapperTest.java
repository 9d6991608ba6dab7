package org.consentgov.consent.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.consentgov.consent.domain.ConsentCommands;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.consentgov.consent.receipts.ReceiptTestData;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FhirConsentMapperTest {

    // One mapper for the class: a FhirContext is expensive to build, as in production.
    private static final FhirConsentMapper MAPPER = new FhirConsentMapper();

    private static Consent roundTrip(ConsentDetails record) {
        String json = MAPPER.toJson(record, ReceiptTestData.NOTICE_URL);
        return MAPPER.fhirContext().newJsonParser().parseResource(Consent.class, json);
    }

    private static ConsentDetails record(
            ConsentState state, boolean effective, Decision decision, List<String> purposes) {
        return ReceiptTestData.record(
                state,
                effective,
                decision,
                purposes,
                List.of(new ConsentCommands.Identifier("nhs-number", ReceiptTestData.NHS_NUMBER)));
    }

    @Test
    void jsonIsAnR4ConsentResource() throws Exception {
        String json = MAPPER.toJson(ReceiptTestData.givenRecord(), ReceiptTestData.NOTICE_URL);

        assertThat(new ObjectMapper().readTree(json).path("resourceType").asText())
                .isEqualTo("Consent");
        assertThat(MAPPER.fhirContext().newJsonParser().parseResource(json)).isInstanceOf(Consent.class);
    }

    @Test
    void effectiveRecordIsAnActivePermitWithItsPeriodPurposesAndDataClasses() {
        ConsentDetails record = ReceiptTestData.givenRecord();

        Consent consent = roundTrip(record);

        assertThat(consent.getIdElement().getIdPart())
                .isEqualTo(record.record().id.toString());
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getDateTime().toInstant()).isEqualTo(record.record().recordedAt);
        Consent.ProvisionComponent provision = consent.getProvision();
        assertThat(provision.getType()).isEqualTo(ConsentProvisionType.PERMIT);
        assertThat(provision.getPeriod().getStart().toInstant()).isEqualTo(record.record().effectiveFrom);
        assertThat(provision.getPeriod().hasEnd()).isFalse();
        assertThat(provision.getPurpose())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(
                        tuple("urn:consentgov:purpose", "care-planning"),
                        tuple("urn:consentgov:purpose", "research-outcomes"));
        assertThat(provision.getClass_())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(
                        tuple("urn:consentgov:data-category", "identity.gender"),
                        tuple("urn:consentgov:data-category", "special.health"));
    }

    @Test
    void categoryIsLoincPatientConsent() {
        Consent consent = roundTrip(ReceiptTestData.givenRecord());

        assertThat(consent.getCategory())
                .singleElement()
                .satisfies(c -> assertThat(c.getCoding())
                        .extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                        .containsExactly(tuple("http://loinc.org", "59284-0", "Patient Consent")));
    }

    @Test
    void purposeStartingWithResearchMakesTheScopeResearch() {
        Consent consent = roundTrip(
                record(ConsentState.ACTIVE, true, Decision.GIVEN, List.of("care-planning", "research-outcomes")));

        assertThat(consent.getScope().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/consentscope");
        assertThat(consent.getScope().getCodingFirstRep().getCode()).isEqualTo("research");
    }

    @Test
    void otherPurposesMakeTheScopePatientPrivacy() {
        Consent consent =
                roundTrip(record(ConsentState.ACTIVE, true, Decision.GIVEN, List.of("care-planning", "early-help")));

        assertThat(consent.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
    }

    @Test
    void patientIsALogicalReferenceByNhsNumberWhenThereIsOne() {
        Consent consent = roundTrip(ReceiptTestData.givenRecord());

        Reference patient = consent.getPatient();
        assertThat(patient.hasReference()).isFalse();
        assertThat(patient.getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(patient.getIdentifier().getValue()).isEqualTo(ReceiptTestData.NHS_NUMBER);
    }

    @Test
    void withoutAnNhsNumberThePatientIsReferencedByTheFirstOtherIdentifier() {
        ConsentDetails record = ReceiptTestData.record(
                ConsentState.ACTIVE,
                true,
                Decision.GIVEN,
                List.of("care-planning"),
                List.of(
                        new ConsentCommands.Identifier("upn", ReceiptTestData.UPN),
                        new ConsentCommands.Identifier("case-management-id", "LL-1")));

        Identifier identifier = roundTrip(record).getPatient().getIdentifier();

        assertThat(identifier.getSystem()).isEqualTo("urn:consentgov:identifier:upn");
        assertThat(identifier.getValue()).isEqualTo(ReceiptTestData.UPN);
    }

    @Test
    void withoutIdentifiersThePatientIsReferencedByTheInternalSubjectId() {
        ConsentDetails record =
                ReceiptTestData.record(ConsentState.ACTIVE, true, Decision.GIVEN, List.of("care-planning"), null);

        Identifier identifier = roundTrip(record).getPatient().getIdentifier();

        assertThat(identifier.getSystem()).isEqualTo("urn:ietf:rfc:3986");
        assertThat(identifier.getValue()).isEqualTo("urn:uuid:" + record.record().subjectId);
    }

    @Test
    void eachPartyIsADisplayOnlyPerformerAndAVerification() {
        ConsentDetails record = ReceiptTestData.record(
                ConsentState.REFUSED, false, Decision.REFUSED, List.of("care-planning"), List.of());

        Consent consent = roundTrip(record);

        assertThat(consent.getPerformer())
                .extracting(Reference::getDisplay, Reference::hasReference)
                .containsExactly(tuple("child", false), tuple("parent", false));
        assertThat(consent.getVerification())
                .extracting(
                        v -> v.getVerified(),
                        v -> v.getVerifiedWith().getDisplay(),
                        v -> v.getVerificationDateElement().getValueAsString())
                .containsExactly(tuple(false, "child", "2026-03-02"), tuple(true, "parent", "2026-03-03"));
    }

    @Test
    void refusedRecordIsARejectedDeny() {
        Consent consent = roundTrip(record(ConsentState.REFUSED, false, Decision.REFUSED, List.of("care-planning")));

        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.REJECTED);
        assertThat(consent.getProvision().getType()).isEqualTo(ConsentProvisionType.DENY);
        assertThat(consent.getProvision().hasPeriod()).isFalse();
    }

    @Test
    void endedRecordCarriesTheEndOfItsPeriod() {
        ConsentDetails record = record(ConsentState.WITHDRAWN, true, Decision.GIVEN, List.of("care-planning"));

        Consent consent = roundTrip(record);

        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(consent.getProvision().getPeriod().getEnd().toInstant()).isEqualTo(record.record().endedAt);
    }

    @Test
    void policyIsTheNoticePageAndTheRuleNamesTheVersionAndContentHash() {
        Consent consent = roundTrip(ReceiptTestData.givenRecord());

        assertThat(consent.getPolicy())
                .singleElement()
                .satisfies(p -> assertThat(p.getUri()).isEqualTo(ReceiptTestData.NOTICE_URL));
        Coding notice = consent.getPolicyRule().getCodingFirstRep();
        assertThat(notice.getSystem()).isEqualTo("urn:consentgov:notice");
        assertThat(notice.getCode()).isEqualTo("what-it-means-to-me");
        assertThat(notice.getVersion()).isEqualTo("1");
        assertThat(consent.getPolicyRule().getText()).contains(ReceiptTestData.CONTENT_HASH);
    }

    @Test
    void subSecondRecordingTimeKeepsItsMilliseconds() {
        ConsentDetails record = ReceiptTestData.givenRecord();
        Instant recordedAt = Instant.parse("2026-03-04T10:15:30.123Z");
        record.record().recordedAt = recordedAt;

        assertThat(roundTrip(record).getDateTime()).isEqualTo(Date.from(recordedAt));
        assertThat(MAPPER.toJson(record, ReceiptTestData.NOTICE_URL))
                .contains("\"dateTime\":\"2026-03-04T10:15:30.123+00:00\"");
    }

    @ParameterizedTest
    @EnumSource(ConsentState.class)
    void everyConsentStateMapsToAFhirStatus(ConsentState state) {
        Consent.ConsentState expected = switch (state) {
            case ACTIVE -> Consent.ConsentState.ACTIVE;
            case REFUSED -> Consent.ConsentState.REJECTED;
            case WITHDRAWN, EXPIRED, SUPERSEDED -> Consent.ConsentState.INACTIVE;
            case INVALIDATED -> Consent.ConsentState.ENTEREDINERROR;
        };

        assertThat(roundTrip(record(state, true, Decision.GIVEN, List.of("care-planning")))
                        .getStatus())
                .isEqualTo(expected);
    }

    @Test
    void activeRecordStillMissingARequiredPartyIsOnlyProposed() {
        assertThat(roundTrip(record(ConsentState.ACTIVE, false, Decision.GIVEN, List.of("care-planning")))
                        .getStatus())
                .isEqualTo(Consent.ConsentState.PROPOSED);
        assertThat(FhirConsentMapper.status(ConsentState.ACTIVE, false)).isEqualTo(Consent.ConsentState.PROPOSED);
    }
}
