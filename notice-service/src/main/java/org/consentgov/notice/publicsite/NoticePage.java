package org.consentgov.notice.publicsite;

import java.util.List;

/** What the public HTML page shows, ready to render. */
public record NoticePage(
        PublicNoticeView notice,
        boolean childView,
        List<Link> languages,
        List<Link> versions,
        List<Row> personalData,
        List<Row> specialData,
        List<Row> criminalData,
        List<Row> purposes,
        List<Row> lawfulBases,
        List<Row> recipients,
        List<Row> rights,
        List<Row> security,
        List<Row> legalFramework,
        String fullLink,
        String childLink,
        String jsonLink) {

    public record Link(String label, String href, boolean current, String lang) {}

    public record Row(String label, String detail) {}
}
