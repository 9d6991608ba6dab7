package org.consentgov.consent.receipts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentState;
import org.consentgov.consent.domain.Decision;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;

/**
 * The body of a consent receipt, shaped after ISO/IEC TS 27560:2023 (consent record information
 * structure) with camelCase field names. It identifies the person only by the internal subject id: no
 * names and no external identifiers (NHS number, UPN, ...) are ever put in a receipt, because a receipt
 * is handed to the family and may travel further than the record.
 */
public record ConsentReceipt(
        String schemaVersion,
        UUID receiptId,
        Instant issuedAt,
        String issuer,
        UUID recordId,
        UUID piiPrincipalId,
        Notice notice,
        List<String> piiControllers,
        List<String> purposes,
        List<String> piiCategories,
        String legalBasis,
        String consentType,
        String collectionMethod,
        LocalDate formReceivedOn,
        ConsentState state,
        Decision decision,
        List<Party> parties,
        Withdrawal withdrawal,
        String jurisdiction,
        Instant recordedAt,
        LocalDate givenOn,
        Instant expiresAt) {

    public static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";
    public static final String CONSENT_TYPE_EXPLICIT = "explicit";
    public static final String JURISDICTION_GB = "GB";

    public ConsentReceipt {
        piiControllers = copy(piiControllers);
        purposes = copy(purposes);
        piiCategories = copy(piiCategories);
        parties = copy(parties);
    }

    /** The notice version the consent is pinned to, and where its public page is. */
    public record Notice(String slug, int version, String contentHash, String url) {}

    /** One party's own decision; the role only, never who the person is. */
    public record Party(String role, Decision decision, LocalDate decidedOn) {}

    /** How to withdraw: {@code lastDay} is the last London day for withdrawal at once; null means any time. */
    public record Withdrawal(LocalDate lastDay, List<String> channels) {
        public Withdrawal {
            channels = copy(channels);
        }
    }

    /**
     * The receipt for a consent record as it stands. The caller supplies what the record does not hold: the
     * controllers' names, the public notice page, the lawful-basis note (e.g. {@code uk-gdpr-6-1-e}), the
     * ways to withdraw, the issuer and the issue time. A fresh random receipt id is assigned.
     */
    public static ConsentReceipt of(
            ConsentDetails details,
            List<String> controllers,
            String noticeUrl,
            String legalBasis,
            List<String> withdrawalChannels,
            String issuer,
            Instant issuedAt) {
        Objects.requireNonNull(details, "details");
        ConsentRecord record = details.record();
        Notice notice = record.noticeSlug == null
                ? null
                : new Notice(record.noticeSlug, record.noticeVersion, record.noticeContentHash, noticeUrl);
        List<Party> parties = record.parties.stream().map(ConsentReceipt::party).toList();
        return new ConsentReceipt(
                SCHEMA_VERSION,
                UUID.randomUUID(),
                issuedAt,
                issuer,
                record.id,
                record.subjectId,
                notice,
                controllers,
                record.purposes,
                record.dataCategories,
                legalBasis,
                CONSENT_TYPE_EXPLICIT,
                record.collectionMethod,
                record.formReceivedOn,
                record.state,
                record.decision,
                parties,
                new Withdrawal(record.withdrawalWindowEndsOn, withdrawalChannels),
                JURISDICTION_GB,
                record.recordedAt,
                record.givenOn,
                record.expiresAt);
    }

    private static Party party(ConsentParty party) {
        return new Party(party.role, party.decision, party.decidedOn);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
