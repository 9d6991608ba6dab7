package org.consentgov.notice.publicsite;

import io.quarkus.qute.RawString;
import java.util.List;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.domain.VersionState;

/** What the public HTML page shows, ready to render; its fixed words come from {@link NoticeMessages}. */
public record NoticePage(
        PublicNoticeView notice,
        boolean childView,
        String organisation,
        String inForceFrom,
        List<Link> languages,
        List<Section> sections,
        List<VersionRow> versions,
        List<Row> controllers,
        List<Row> personalData,
        List<Row> specialData,
        List<Row> criminalData,
        List<Row> purposes,
        List<BasisRow> lawfulBases,
        List<Row> recipients,
        NoticeContent.Retention retention,
        List<NoticeContent.AccessTerm> accessTerms,
        List<Row> rights,
        List<Row> security,
        List<Row> legalFramework,
        String fullLink,
        String childLink,
        String currentLink,
        String linkedDataLink,
        RawString linkedData) {

    public record Link(String label, String href, boolean current, String lang) {}

    public record Row(String label, String detail) {}

    /** A section of the notice's text, its lists and paragraphs already HTML (see {@link NoticeText}). */
    public record Section(String id, String heading, RawString html) {}

    public record BasisRow(
            NoticeContent.DataKind kind, String scope, String reference, String statute, String description) {}

    public record VersionRow(int number, VersionState state, String href, String from, String until, boolean shown) {}
}
