package org.consentgov.consent.receipts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.Capacity;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;

/** Consent records as the domain hands them over, for receipt and FHIR tests. */
public final class ReceiptTestData {

    public static final String NHS_NUMBER = "9434765919";
    public static final String UPN = "N845200123001";
    public static final String CASE_ID = "LL-775533";
    public static final String NOTICE_URL = "https://consent.example.gov.uk/notices/what-it-means-to-me/1";
    public static final String CONTENT_HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

    private ReceiptTestData() {}

    /** An effective record: the child (Gillick competent) and a parent both gave consent. */
    public static ConsentDetails givenRecord() {
        return record(
                ConsentState.ACTIVE,
                true,
                Decision.GIVEN,
                List.of("care-planning", "research-outcomes"),
                List.of(
                        new Identifier("nhs-number", NHS_NUMBER),
                        new Identifier("upn", UPN),
                        new Identifier("case-management-id", CASE_ID)));
    }

    public static ConsentDetails record(
            ConsentState state,
            boolean effective,
            Decision decision,
            List<String> purposes,
            List<Identifier> identifiers) {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.fromString("5b0c2a3e-8a0d-4a51-9a8e-0f6a1d2c3b4a");
        r.subjectId = UUID.fromString("0d3f8b52-7c11-4f3e-b0a4-52d7c6e1a9f0");
        r.noticeSlug = "what-it-means-to-me";
        r.noticeVersion = 1;
        r.noticeContentHash = CONTENT_HASH;
        r.purposes = purposes;
        r.dataCategories = List.of("identity.gender", "special.health");
        r.decision = decision;
        r.state = state;
        r.effective = effective;
        r.missingParties = List.of();
        r.parties.add(party(
                r,
                0,
                "child",
                null,
                decision,
                Capacity.GILLICK_COMPETENT,
                "sw-ahmed",
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2)));
        r.parties.add(party(r, 1, "parent", "mother", Decision.GIVEN, null, null, null, LocalDate.of(2026, 3, 3)));
        r.collectionMethod = "paper-form";
        r.formIssuedOn = LocalDate.of(2026, 2, 20);
        r.formReceivedOn = LocalDate.of(2026, 3, 4);
        r.evidenceReference = "EDRMS-2026-000123";
        r.recordedBy = "sw-ahmed";
        r.recordedOrg = "council-childrens-services";
        r.recordedAt = Instant.parse("2026-03-04T10:15:30Z");
        r.withdrawalWindowEndsOn = LocalDate.of(2026, 3, 18);
        r.reconsentRequired = false;
        r.effectiveFrom = effective ? Instant.parse("2026-03-04T10:15:30Z") : null;
        r.endedAt = state == ConsentState.ACTIVE || state == ConsentState.REFUSED
                ? null
                : Instant.parse("2026-05-01T08:00:00Z");
        r.rowVersion = 0L;
        return new ConsentDetails(r, identifiers);
    }

    private static ConsentParty party(
            ConsentRecord record,
            int position,
            String role,
            String relationship,
            Decision decision,
            Capacity capacity,
            String assessedBy,
            LocalDate assessedOn,
            LocalDate decidedOn) {
        ConsentParty p = new ConsentParty();
        p.record = record;
        p.position = position;
        p.role = role;
        p.relationship = relationship;
        p.decision = decision;
        p.capacity = capacity;
        p.assessedBy = assessedBy;
        p.assessedOn = assessedOn;
        p.decidedOn = decidedOn;
        return p;
    }
}
