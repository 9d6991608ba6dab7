package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.consent.notices.NoticeDirectory;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.consent.persistence.ConsentRecord;

/**
 * What a record's documents say beyond the record itself: the signed consent receipt (ISO/IEC TS 27560 style)
 * needs the notice's controllers, lawful bases and ways to withdraw; both it and the FHIR Consent link to the
 * public notice page. The web layer renders and signs them.
 */
@ApplicationScoped
public class ConsentDocuments {

    /** A record and what its receipt states besides: controllers, notice page, lawful basis, ways to withdraw. */
    public record ReceiptContent(
            ConsentDetails consent,
            List<String> controllers,
            String noticeUrl,
            String legalBasis,
            List<String> withdrawalChannels,
            Instant issuedAt) {}

    /** A record and its public notice page, for the FHIR Consent. */
    public record FhirContent(ConsentDetails consent, String noticeUrl) {}

    private final ConsentQueries queries;
    private final NoticeDirectory notices;
    private final ConsentTime time;
    private final String publicNoticeBaseUrl;

    public ConsentDocuments(ConsentQueries queries, NoticeDirectory notices, ConsentTime time, ConsentConfig config) {
        this.queries = queries;
        this.notices = notices;
        this.time = time;
        this.publicNoticeBaseUrl = config.publicNoticeBaseUrl();
    }

    /** The receipt's content; the read is logged as a read of the receipt. */
    @Transactional
    public ReceiptContent receipt(UUID id) {
        ConsentDetails consent = queries.get(id, ConsentAccess.READ_RECEIPT);
        ConsentRecord record = consent.record();
        PublishedNotice.Content notice =
                notices.published(record.noticeSlug, record.noticeVersion).content();
        List<String> controllers = notice.controllers() == null
                ? List.of()
                : notice.controllers().stream()
                        .map(PublishedNotice.Controller::name)
                        .toList();
        String bases = notice.lawfulBases() == null
                ? null
                : notice.lawfulBases().stream()
                        .map(b -> b.appliesTo().toLowerCase() + ":" + b.basis())
                        .collect(Collectors.joining(" "));
        List<String> channels = notice.consent() == null || notice.consent().withdrawalChannels() == null
                ? List.of()
                : notice.consent().withdrawalChannels();
        return new ReceiptContent(consent, controllers, noticeUrl(record), bases, channels, time.now());
    }

    @Transactional
    public FhirContent fhir(UUID id) {
        ConsentDetails consent = queries.get(id, ConsentAccess.READ_CONSENT_FHIR);
        return new FhirContent(consent, noticeUrl(consent.record()));
    }

    private String noticeUrl(ConsentRecord record) {
        return publicNoticeBaseUrl + "/" + record.noticeSlug + "/versions/" + record.noticeVersion;
    }
}
