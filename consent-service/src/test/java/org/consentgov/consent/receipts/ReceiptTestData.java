package org.consentgov.consent.receipts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.api.ConsentViews.IdentifierView;
import org.consentgov.consent.api.ConsentViews.NoticeRef;
import org.consentgov.consent.api.ConsentViews.PartyView;
import org.consentgov.consent.domain.Capacity;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;

/** Consent records as the API shows them, for receipt and FHIR tests. */
public final class ReceiptTestData {

    public static final String NHS_NUMBER = "9434765919";
    public static final String UPN = "N845200123001";
    public static final String CASE_ID = "LL-775533";
    public static final String NOTICE_URL = "https://consent.example.gov.uk/notices/what-it-means-to-me/1";
    public static final String CONTENT_HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

    private ReceiptTestData() {}

    /** An effective record: the child (Gillick competent) and a parent both gave consent. */
    public static ConsentRecordView givenRecord() {
        return record(
                ConsentState.ACTIVE,
                true,
                Decision.GIVEN,
                List.of("care-planning", "research-outcomes"),
                List.of(
                        new IdentifierView("nhs-number", NHS_NUMBER),
                        new IdentifierView("upn", UPN),
                        new IdentifierView("case-management-id", CASE_ID)));
    }

    public static ConsentRecordView record(
            ConsentState state,
            boolean effective,
            Decision decision,
            List<String> purposes,
            List<IdentifierView> identifiers) {
        return new ConsentRecordView(
                UUID.fromString("5b0c2a3e-8a0d-4a51-9a8e-0f6a1d2c3b4a"),
                UUID.fromString("0d3f8b52-7c11-4f3e-b0a4-52d7c6e1a9f0"),
                identifiers,
                new NoticeRef("what-it-means-to-me", 1, CONTENT_HASH),
                purposes,
                List.of("identity.gender", "special.health"),
                decision,
                state,
                effective,
                List.of(),
                List.of(
                        new PartyView(
                                "child",
                                null,
                                decision,
                                Capacity.GILLICK_COMPETENT,
                                "sw-ahmed",
                                LocalDate.of(2026, 3, 2),
                                LocalDate.of(2026, 3, 2)),
                        new PartyView("parent", "mother", Decision.GIVEN, null, null, null, LocalDate.of(2026, 3, 3))),
                "paper-form",
                LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 3, 4),
                "EDRMS-2026-000123",
                "sw-ahmed",
                "council-childrens-services",
                Instant.parse("2026-03-04T10:15:30Z"),
                LocalDate.of(2026, 3, 18),
                false,
                effective ? Instant.parse("2026-03-04T10:15:30Z") : null,
                state == ConsentState.ACTIVE || state == ConsentState.REFUSED
                        ? null
                        : Instant.parse("2026-05-01T08:00:00Z"),
                0L);
    }
}
