package org.consentgov.consent.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.junit.jupiter.api.Test;

class ConsentReceiptTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-03-05T09:00:00Z");

    private static ConsentReceipt receiptOf(ConsentDetails record) {
        return ConsentReceipt.of(
                record,
                List.of("Example Borough Council", "Example NHS Trust"),
                ReceiptTestData.NOTICE_URL,
                "uk-gdpr-6-1-e",
                List.of("online-form", "phone"),
                "consent-service",
                ISSUED_AT);
    }

    @Test
    void receiptIsBuiltFromTheRecordAndTheCallersContext() {
        ConsentDetails record = ReceiptTestData.givenRecord();

        ConsentReceipt receipt = receiptOf(record);

        assertThat(receipt.schemaVersion()).isEqualTo("ISO/IEC TS 27560:2023");
        assertThat(receipt.receiptId()).isNotNull();
        assertThat(receipt.issuedAt()).isEqualTo(ISSUED_AT);
        assertThat(receipt.issuer()).isEqualTo("consent-service");
        assertThat(receipt.recordId()).isEqualTo(record.record().id);
        assertThat(receipt.piiPrincipalId()).isEqualTo(record.record().subjectId);
        assertThat(receipt.notice())
                .isEqualTo(new ConsentReceipt.Notice(
                        "what-it-means-to-me", 1, ReceiptTestData.CONTENT_HASH, ReceiptTestData.NOTICE_URL));
        assertThat(receipt.piiControllers()).containsExactly("Example Borough Council", "Example NHS Trust");
        assertThat(receipt.purposes()).containsExactly("care-planning", "research-outcomes");
        assertThat(receipt.piiCategories()).containsExactly("identity.gender", "special.health");
        assertThat(receipt.legalBasis()).isEqualTo("uk-gdpr-6-1-e");
        assertThat(receipt.consentType()).isEqualTo("explicit");
        assertThat(receipt.collectionMethod()).isEqualTo("paper-form");
        assertThat(receipt.formReceivedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(receipt.state()).isEqualTo(ConsentState.ACTIVE);
        assertThat(receipt.decision()).isEqualTo(Decision.GIVEN);
        assertThat(receipt.parties())
                .extracting(ConsentReceipt.Party::role, ConsentReceipt.Party::decision, ConsentReceipt.Party::decidedOn)
                .containsExactly(
                        tuple("child", Decision.GIVEN, LocalDate.of(2026, 3, 2)),
                        tuple("parent", Decision.GIVEN, LocalDate.of(2026, 3, 3)));
        assertThat(receipt.withdrawal())
                .isEqualTo(new ConsentReceipt.Withdrawal(LocalDate.of(2026, 3, 18), List.of("online-form", "phone")));
        assertThat(receipt.jurisdiction()).isEqualTo("GB");
        assertThat(receipt.recordedAt()).isEqualTo(record.record().recordedAt);
    }

    @Test
    void everyReceiptGetsItsOwnId() {
        ConsentDetails record = ReceiptTestData.givenRecord();
        assertThat(receiptOf(record).receiptId()).isNotEqualTo(receiptOf(record).receiptId());
    }

    @Test
    void refusedRecordGivesARefusedReceipt() {
        ConsentDetails refused = ReceiptTestData.record(
                ConsentState.REFUSED, false, Decision.REFUSED, List.of("care-planning"), List.of());

        ConsentReceipt receipt = receiptOf(refused);

        assertThat(receipt.state()).isEqualTo(ConsentState.REFUSED);
        assertThat(receipt.decision()).isEqualTo(Decision.REFUSED);
        assertThat(receipt.parties())
                .extracting(ConsentReceipt.Party::decision)
                .containsExactly(Decision.REFUSED, Decision.GIVEN);
    }

    @Test
    void missingListsBecomeEmptyLists() {
        ConsentReceipt receipt = new ConsentReceipt(
                ConsentReceipt.SCHEMA_VERSION,
                null,
                ISSUED_AT,
                "consent-service",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "explicit",
                null,
                null,
                null,
                null,
                null,
                new ConsentReceipt.Withdrawal(null, null),
                "GB",
                null,
                null,
                null);

        assertThat(receipt.piiControllers()).isEmpty();
        assertThat(receipt.purposes()).isEmpty();
        assertThat(receipt.piiCategories()).isEmpty();
        assertThat(receipt.parties()).isEmpty();
        assertThat(receipt.withdrawal().channels()).isEmpty();
    }
}
