package org.consentgov.notice.publicsite;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.domain.VersionState;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;

/** Builds the public view of a version in a locale, with DPV terms from the vocabulary. */
@ApplicationScoped
public class PublicNoticeMapper {

    static final Map<String, String> CONTEXT = Map.of(
            "dpv", "https://w3id.org/dpv#",
            "pd", "https://w3id.org/dpv/pd#",
            "eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#",
            "sector-education", "https://w3id.org/dpv/sector/education#");

    private final Vocabulary vocabulary;

    public PublicNoticeMapper(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The locale to show: the one asked for when the notice has it, otherwise the notice's default. */
    public String locale(NoticeContent content, String requested) {
        if (requested != null && content.locales().containsKey(requested)) {
            return requested;
        }
        return content.defaultLocale();
    }

    public PublicNoticeView view(NoticeVersionView version, String requestedLocale) {
        NoticeContent content = version.content();
        String locale = locale(content, requestedLocale);
        NoticeContent.LocalisedText text = content.locales().get(locale);
        return new PublicNoticeView(
                version.slug(),
                version.number(),
                version.state(),
                version.state() == VersionState.PUBLISHED,
                version.effectiveFrom(),
                version.publishedAt(),
                version.inForceFrom(),
                version.inForceUntil(),
                version.materialChange(),
                version.contentHash(),
                locale,
                content.locales().keySet().stream().sorted().toList(),
                text.title(),
                text.summary(),
                text.sections(),
                text.childSummary() == null ? List.of() : text.childSummary(),
                content,
                dpv(content));
    }

    PublicNoticeView.Dpv dpv(NoticeContent content) {
        List<PublicNoticeView.DpvTerm> data = new ArrayList<>();
        for (String code : content.dataCategories()) {
            vocabulary
                    .dataCategory(code)
                    .ifPresent(c -> data.add(new PublicNoticeView.DpvTerm(
                            c.code(), c.label(), c.dpv(), null, c.special(), c.criminal())));
        }
        List<PublicNoticeView.DpvTerm> purposes = content.purposes().stream()
                .map(p -> vocabulary.purpose(p.code()).map(t -> term(t, null)).orElse(null))
                .filter(t -> t != null)
                .distinct()
                .toList();
        List<PublicNoticeView.DpvTerm> bases = new ArrayList<>();
        for (NoticeContent.LawfulBasisUse use : content.lawfulBases()) {
            vocabulary
                    .lawfulBasis(use.basis())
                    .ifPresent(b -> bases.add(new PublicNoticeView.DpvTerm(
                            b.code(), b.reference() + " " + b.label(), b.dpv(), b.dpvLegal(), null, null)));
        }
        List<PublicNoticeView.DpvTerm> recipients = content.recipients() == null
                ? List.of()
                : content.recipients().stream()
                        .map(r -> new PublicNoticeView.DpvTerm(
                                r.organisationId(), r.name(), "dpv:Recipient", null, null, null))
                        .toList();
        List<PublicNoticeView.DpvTerm> measures = content.securityMeasures() == null
                ? List.of()
                : content.securityMeasures().stream()
                        .map(m -> vocabulary
                                .securityMeasure(m.code())
                                .map(t -> term(t, null))
                                .orElse(null))
                        .filter(t -> t != null)
                        .distinct()
                        .toList();
        List<PublicNoticeView.DpvTerm> rights = content.rights().stream()
                .map(r -> vocabulary.right(r).map(t -> term(t, null)).orElse(null))
                .filter(t -> t != null)
                .toList();
        return new PublicNoticeView.Dpv(
                CONTEXT, "dpv:PrivacyNotice", data, purposes, bases, recipients, measures, rights);
    }

    private static PublicNoticeView.DpvTerm term(VocabularyDocument.Term t, String legal) {
        return new PublicNoticeView.DpvTerm(t.code(), t.label(), t.dpv(), legal, null, null);
    }
}
