package org.consentgov.notice.publicsite;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.domain.VersionState;

/** Builds the public view of a version in a locale, with its DPV terms as JSON-LD. */
@ApplicationScoped
public class PublicNoticeMapper {

    private final NoticeLinkedData linkedData;

    public PublicNoticeMapper(NoticeLinkedData linkedData) {
        this.linkedData = linkedData;
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
                linkedData.of(content));
    }
}
