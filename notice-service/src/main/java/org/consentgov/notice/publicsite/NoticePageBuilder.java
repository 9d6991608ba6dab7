package org.consentgov.notice.publicsite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.consentgov.notice.api.NoticeViews.VersionSummaryView;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;

/** Turns a public notice into the sections, rows and links of its HTML page. */
@ApplicationScoped
public class NoticePageBuilder {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Vocabulary vocabulary;
    private final NoticeText text;
    private final ObjectMapper json;

    public NoticePageBuilder(Vocabulary vocabulary, NoticeText text, ObjectMapper json) {
        this.vocabulary = vocabulary;
        this.text = text;
        this.json = json;
    }

    public NoticePage build(PublicNoticeView notice, boolean childView, List<VersionSummaryView> versions) {
        NoticeContent content = notice.content();
        Locale locale = Locale.forLanguageTag(notice.locale());
        String current = "/public/notices/" + notice.slug();
        String base = current + (notice.current() ? "" : "/versions/" + notice.version());
        String view = childView ? "&view=child" : "";
        List<NoticePage.Link> languages = notice.availableLocales().stream()
                .map(l ->
                        new NoticePage.Link(languageName(l), base + "?lang=" + l + view, l.equals(notice.locale()), l))
                .toList();
        List<NoticePage.VersionRow> history = versions.stream()
                .filter(v -> v.state().wasPublished())
                .map(v -> new NoticePage.VersionRow(
                        v.number(),
                        v.state(),
                        current + "/versions/" + v.number() + "?lang=" + notice.locale(),
                        date(v.inForceFrom() == null ? v.effectiveFrom() : v.inForceFrom(), locale),
                        v.inForceUntil() == null ? null : date(v.inForceUntil(), locale),
                        v.number() == notice.version()))
                .toList();
        List<NoticePage.Row> personal = new ArrayList<>();
        List<NoticePage.Row> special = new ArrayList<>();
        List<NoticePage.Row> criminal = new ArrayList<>();
        for (String code : content.dataCategories()) {
            vocabulary
                    .dataCategory(code)
                    .ifPresent(c -> (c.criminal() ? criminal : c.special() ? special : personal)
                            .add(new NoticePage.Row(c.label(), null)));
        }
        List<NoticePage.BasisRow> bases = content.lawfulBases().stream()
                .map(b -> new NoticePage.BasisRow(
                        b.appliesTo(),
                        b.scope(),
                        vocabulary
                                .lawfulBasis(b.basis())
                                .map(l -> l.reference() + " – " + l.label())
                                .orElse(b.basis()),
                        b.statute(),
                        b.description()))
                .toList();
        List<NoticeContent.Section> shown = childView ? notice.childSummary() : notice.sections();
        String lang = "?lang=" + notice.locale();
        return new NoticePage(
                notice,
                childView,
                content.controllers().get(0).name(),
                date(notice.inForceFrom() == null ? notice.effectiveFrom() : notice.inForceFrom(), locale),
                languages,
                shown.stream()
                        .map(s -> new NoticePage.Section(s.id(), s.heading(), text.html(s.body())))
                        .toList(),
                history,
                rows(content.controllers(), c -> new NoticePage.Row(c.name(), c.address())),
                personal,
                special,
                criminal,
                rows(content.purposes(), p -> new NoticePage.Row(p.description(), null)),
                bases,
                rows(content.recipients(), r -> new NoticePage.Row(r.name(), r.description())),
                content.retention(),
                content.accessTerms() == null ? List.of() : content.accessTerms(),
                rows(
                        content.rights(),
                        r -> vocabulary
                                .right(r)
                                .map(t -> new NoticePage.Row(t.label(), t.description()))
                                .orElse(new NoticePage.Row(r, null))),
                rows(content.securityMeasures(), m -> new NoticePage.Row(m.description(), null)),
                rows(
                        content.legalFramework(),
                        l -> new NoticePage.Row(
                                vocabulary
                                        .legalInstrument(l.code())
                                        .map(VocabularyDocument.Term::label)
                                        .orElse(l.code()),
                                l.description())),
                base + lang,
                base + lang + "&view=child",
                current + lang,
                base + lang + "&format=jsonld",
                linkedData(notice));
    }

    /**
     * The JSON-LD for a {@code <script type="application/ld+json">} block: "<", ">" and "&" are written as JSON
     * escapes, so no text in a notice can close the block or open markup.
     */
    private RawString linkedData(PublicNoticeView notice) {
        try {
            return new RawString(json.writeValueAsString(notice.dpv())
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the notice's JSON-LD could not be written", e);
        }
    }

    private static <T> List<NoticePage.Row> rows(List<T> items, Function<T, NoticePage.Row> row) {
        return Optional.ofNullable(items).orElse(List.of()).stream().map(row).toList();
    }

    private static String date(Instant instant, Locale locale) {
        return instant == null
                ? null
                : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(instant.atZone(LONDON));
    }

    private static String languageName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String own = locale.getDisplayName(locale);
        return own.isBlank() ? tag : own.substring(0, 1).toUpperCase(locale) + own.substring(1);
    }
}
