package org.consentgov.platform.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The controlled vocabulary shared by every service, as shipped in {@code vocabulary/vocabulary.json}. */
@Schema(name = "Vocabulary", description = "The controlled vocabulary: codes every service accepts", examples = """
        {"version": "2026.11.1",
         "dataCategories": [{"code": "identity.date-of-birth", "label": "Date of birth", "special": false, "criminal": false,
           "dpv": "dpv-pd:DateOfBirth"}],
         "lawfulBases": [{"code": "uk-gdpr-6-1-e", "kind": "ARTICLE_6", "label": "Public task", "reference": "UK GDPR Article 6(1)(e)",
           "dpv": "dpv:PublicInterest", "dpvLegal": "eu-gdpr:A6-1-e", "consent": false}],
         "purposes": [{"code": "statutory-service", "label": "To provide a statutory service", "dpv": "dpv:ServiceProvision"}],
         "organisationTypes": [{"code": "school", "label": "School"}],
         "transferMethods": [{"code": "system-access", "label": "Access to the case-management system", "secure": true}],
         "rights": [{"code": "access", "label": "Right of access", "dpv": "dpv:RightOfAccess"}],
         "securityMeasures": [{"code": "encryption-at-rest", "label": "Encryption at rest"}],
         "legalInstruments": [{"code": "children-act-1989", "label": "Children Act 1989"}],
         "partyRoles": [{"code": "parent", "label": "Parent"}]}""")
public record VocabularyDocument(
        @Schema(description = "Version of the vocabulary; bumped on every change", examples = "2026.11.1")
        String version,

        List<DataCategory> dataCategories,
        List<LawfulBasis> lawfulBases,
        List<Term> purposes,
        List<Term> organisationTypes,
        List<TransferMethod> transferMethods,
        List<Term> rights,
        List<Term> securityMeasures,
        List<Term> legalInstruments,
        List<Term> partyRoles) {

    @Schema(name = "DataCategory")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataCategory(
            String code,
            String label,
            String description,
            boolean special,
            boolean criminal,
            String dpv,
            Boolean deprecated) {

        public CategoryKind kind() {
            return criminal ? CategoryKind.CRIMINAL : special ? CategoryKind.SPECIAL : CategoryKind.PERSONAL;
        }
    }

    @Schema(name = "LawfulBasis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LawfulBasis(
            String code,
            LawfulBasisKind kind,
            String label,
            String reference,
            String description,
            String dpv,
            String dpvLegal,
            Set<CategoryKind> conditionFor,
            boolean consent,
            Boolean deprecated) {}

    @Schema(name = "TransferMethod")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferMethod(
            String code, String label, String description, boolean secure, String dpv, Boolean deprecated) {}

    @Schema(name = "VocabularyTerm")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(
            String code, String label, String description, String dpv, String reference, Boolean deprecated) {}
}
