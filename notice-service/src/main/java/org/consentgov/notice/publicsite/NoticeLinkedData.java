package org.consentgov.notice.publicsite;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.publicsite.PublicNoticeView.DpvTerm;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;

/**
 * A notice in W3C Data Privacy Vocabulary terms, as JSON-LD: the {@code @context} maps every key the document uses
 * to a DPV property (https://w3id.org/dpv#) or, where DPV has none (a name, an identifier, a description), to
 * schema.org, so a JSON-LD processor keeps all of it.
 */
@ApplicationScoped
public class NoticeLinkedData {

    static final Map<String, Object> CONTEXT = context();

    private final Vocabulary vocabulary;

    public NoticeLinkedData(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    private static Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dpv", "https://w3id.org/dpv#");
        c.put("pd", "https://w3id.org/dpv/pd#");
        c.put("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");
        c.put("sector-education", "https://w3id.org/dpv/sector/education#");
        c.put("schema", "https://schema.org/");
        c.put("skos", "http://www.w3.org/2004/02/skos/core#");
        for (String property : List.of(
                "hasDataController",
                "hasPersonalData",
                "hasPurpose",
                "hasLegalBasis",
                "hasRecipient",
                "hasStorageCondition",
                "hasTechnicalOrganisationalMeasure",
                "hasRight")) {
            c.put(property, Map.of("@id", "dpv:" + property));
        }
        c.put("code", "schema:identifier");
        c.put("label", "schema:name");
        c.put("description", "schema:description");
        // The jurisdiction's own term for the same legal basis (DPV's legal extension for the GDPR).
        c.put("legal", Map.of("@id", "skos:exactMatch", "@type", "@id"));
        return Collections.unmodifiableMap(c);
    }

    public PublicNoticeView.Dpv of(NoticeContent content) {
        List<DpvTerm> controllers = content.controllers().stream()
                .map(c -> new DpvTerm(c.organisationId(), c.name(), List.of("dpv:DataController"), null, null))
                .toList();
        List<DpvTerm> data = new ArrayList<>();
        for (String code : content.dataCategories()) {
            vocabulary
                    .dataCategory(code)
                    .ifPresent(c -> data.add(new DpvTerm(c.code(), c.label(), types(c), null, null)));
        }
        List<DpvTerm> purposes = distinct(content.purposes().stream()
                .map(p -> vocabulary.purpose(p.code()).map(NoticeLinkedData::term)));
        List<DpvTerm> bases = new ArrayList<>();
        for (NoticeContent.LawfulBasisUse use : content.lawfulBases()) {
            vocabulary
                    .lawfulBasis(use.basis())
                    .ifPresent(b -> bases.add(new DpvTerm(
                            b.code(), b.reference() + " " + b.label(), List.of(b.dpv()), b.dpvLegal(), null)));
        }
        List<DpvTerm> recipients = content.recipients() == null
                ? List.of()
                : content.recipients().stream()
                        .map(r -> new DpvTerm(r.organisationId(), r.name(), List.of("dpv:Recipient"), null, null))
                        .toList();
        NoticeContent.Retention retention = content.retention();
        List<DpvTerm> storage = List.of(
                new DpvTerm(null, retention.period(), List.of("dpv:StorageDuration"), null, retention.description()));
        List<DpvTerm> measures = content.securityMeasures() == null
                ? List.of()
                : distinct(content.securityMeasures().stream()
                        .map(m -> vocabulary.securityMeasure(m.code()).map(NoticeLinkedData::term)));
        List<DpvTerm> rights =
                distinct(content.rights().stream().map(r -> vocabulary.right(r).map(NoticeLinkedData::term)));
        return new PublicNoticeView.Dpv(
                CONTEXT,
                "dpv:PrivacyNotice",
                controllers,
                data,
                purposes,
                bases,
                recipients,
                storage,
                measures,
                rights);
    }

    private static List<String> types(VocabularyDocument.DataCategory c) {
        if (c.special()) {
            return List.of(c.dpv(), "dpv:SpecialCategoryPersonalData");
        }
        return c.criminal() ? List.of(c.dpv(), "dpv:SensitivePersonalData") : List.of(c.dpv());
    }

    private static DpvTerm term(VocabularyDocument.Term t) {
        return new DpvTerm(t.code(), t.label(), List.of(t.dpv()), null, null);
    }

    private static List<DpvTerm> distinct(java.util.stream.Stream<java.util.Optional<DpvTerm>> terms) {
        return terms.flatMap(java.util.Optional::stream)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
