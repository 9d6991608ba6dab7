package org.consentgov.notice.publicsite;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consentgov.notice.api.NoticeViews.VersionSummaryView;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;

/** Turns a public notice into the rows and links of its HTML page. */
@ApplicationScoped
public class NoticePageBuilder {

    private final Vocabulary vocabulary;

    public NoticePageBuilder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public NoticePage build(PublicNoticeView notice, boolean childView, List<VersionSummaryView> versions) {
        NoticeContent content = notice.content();
        String base = "/public/notices/" + notice.slug() + (notice.current() ? "" : "/versions/" + notice.version());
        String view = childView ? "&view=child" : "";
        List<NoticePage.Link> languages = notice.availableLocales().stream()
                .map(l ->
                        new NoticePage.Link(languageName(l), base + "?lang=" + l + view, l.equals(notice.locale()), l))
                .toList();
        List<NoticePage.Link> history = versions.stream()
                .filter(v -> v.state().wasPublished())
                .map(v -> new NoticePage.Link(
                        "Version " + v.number() + " (" + v.state().name().toLowerCase() + ", published "
                                + v.publishedAt().toString().substring(0, 10) + ")",
                        "/public/notices/" + notice.slug() + "/versions/" + v.number(),
                        v.number() == notice.version(),
                        null))
                .toList();
        List<NoticePage.Row> personal = new ArrayList<>();
        List<NoticePage.Row> special = new ArrayList<>();
        List<NoticePage.Row> criminal = new ArrayList<>();
        for (String code : content.dataCategories()) {
            VocabularyDocument.DataCategory c = vocabulary.dataCategory(code).orElse(null);
            if (c == null) {
                continue;
            }
            NoticePage.Row row = new NoticePage.Row(c.label(), null);
            (c.criminal() ? criminal : c.special() ? special : personal).add(row);
        }
        List<NoticePage.Row> purposes = content.purposes().stream()
                .map(p -> new NoticePage.Row(p.description(), null))
                .toList();
        List<NoticePage.Row> bases = content.lawfulBases().stream()
                .map(b -> {
                    String ref = vocabulary
                            .lawfulBasis(b.basis())
                            .map(l -> l.reference() + " – " + l.label())
                            .orElse(b.basis());
                    String kind = switch (b.appliesTo()) {
                        case PERSONAL -> "Personal data";
                        case SPECIAL -> "Special category data";
                        case CRIMINAL -> "Criminal offence data";
                    };
                    String scope = b.scope() == null ? "" : " (" + b.scope() + ")";
                    String statute = b.statute() == null ? "" : "; " + b.statute();
                    return new NoticePage.Row(kind + scope + ": " + ref + statute, b.description());
                })
                .toList();
        List<NoticePage.Row> recipients = content.recipients() == null
                ? List.of()
                : content.recipients().stream()
                        .map(r -> new NoticePage.Row(r.name(), r.description()))
                        .toList();
        List<NoticePage.Row> rights = content.rights().stream()
                .map(r -> vocabulary
                        .right(r)
                        .map(t -> new NoticePage.Row(t.label(), t.description()))
                        .orElse(new NoticePage.Row(r, null)))
                .toList();
        List<NoticePage.Row> security = content.securityMeasures() == null
                ? List.of()
                : content.securityMeasures().stream()
                        .map(m -> new NoticePage.Row(m.description(), null))
                        .toList();
        List<NoticePage.Row> legal = content.legalFramework() == null
                ? List.of()
                : content.legalFramework().stream()
                        .map(l -> new NoticePage.Row(
                                vocabulary
                                        .legalInstrument(l.code())
                                        .map(VocabularyDocument.Term::label)
                                        .orElse(l.code()),
                                l.description()))
                        .toList();
        String lang = "?lang=" + notice.locale();
        return new NoticePage(
                notice,
                childView,
                languages,
                history,
                personal,
                special,
                criminal,
                purposes,
                bases,
                recipients,
                rights,
                security,
                legal,
                base + lang,
                base + lang + "&view=child",
                base);
    }

    private static String languageName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String own = locale.getDisplayName(locale);
        return own.isBlank() ? tag : own.substring(0, 1).toUpperCase(locale) + own.substring(1);
    }
}
