package org.consentgov.consent.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.consentgov.consent.domain.ConsentDocuments.FhirContent;
import org.consentgov.consent.domain.ConsentDocuments.ReceiptContent;
import org.consentgov.consent.fhir.FhirConsentMapper;
import org.consentgov.consent.receipts.ConsentReceipt;
import org.consentgov.consent.receipts.ReceiptService;

/** A record's documents as the API serves them: the signed receipt (compact JWS) and the FHIR R4 Consent. */
@ApplicationScoped
public class ConsentDocumentRenderer {

    private final ReceiptService receipts;
    private final FhirConsentMapper fhir;

    public ConsentDocumentRenderer(ReceiptService receipts, FhirConsentMapper fhir) {
        this.receipts = receipts;
        this.fhir = fhir;
    }

    public String receipt(ReceiptContent content) {
        return receipts.sign(ConsentReceipt.of(
                content.consent(),
                content.controllers(),
                content.noticeUrl(),
                content.legalBasis(),
                content.withdrawalChannels(),
                receipts.issuer(),
                content.issuedAt()));
    }

    public String fhir(FhirContent content) {
        return fhir.toJson(content.consent(), content.noticeUrl());
    }
}
