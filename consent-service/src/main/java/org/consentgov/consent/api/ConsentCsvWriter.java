package org.consentgov.consent.api;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;

/**
 * Consent records as RFC 4180 CSV: a header line, then one row per record, CRLF line ends. A field holding a
 * comma, a double quote, CR or LF is enclosed in double quotes and its double quotes are doubled; an absent
 * value is an empty field; lists are joined with ';' (their items are codes, which never contain one).
 */
public final class ConsentCsvWriter {

    public static final String MEDIA_TYPE = "text/csv";
    public static final List<String> COLUMNS = List.of(
            "id",
            "subjectId",
            "noticeSlug",
            "noticeVersion",
            "noticeContentHash",
            "purposes",
            "state",
            "effective",
            "decision",
            "missingParties",
            "formReceivedOn",
            "recordedAt",
            "recordedBy",
            "withdrawalWindowEndsOn",
            "endedAt");
    private static final String CRLF = "\r\n";

    private final Writer out;

    public ConsentCsvWriter(Writer out) {
        this.out = out;
    }

    public void header() throws IOException {
        out.write(row(COLUMNS));
    }

    public void write(ConsentRecordView r) throws IOException {
        List<String> fields = new ArrayList<>(COLUMNS.size());
        fields.add(text(r.id()));
        fields.add(text(r.subjectId()));
        fields.add(r.notice() == null ? "" : text(r.notice().slug()));
        fields.add(r.notice() == null ? "" : Integer.toString(r.notice().version()));
        fields.add(r.notice() == null ? "" : text(r.notice().contentHash()));
        fields.add(joined(r.purposes()));
        fields.add(text(r.state()));
        fields.add(Boolean.toString(r.effective()));
        fields.add(text(r.decision()));
        fields.add(joined(r.missingParties()));
        fields.add(text(r.formReceivedOn()));
        fields.add(text(r.recordedAt()));
        fields.add(text(r.recordedBy()));
        fields.add(text(r.withdrawalWindowEndsOn()));
        fields.add(text(r.endedAt()));
        out.write(row(fields));
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** One CSV line, with its CRLF. */
    static String row(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append(CRLF).toString();
    }

    /** One field, quoted when RFC 4180 requires it. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join(";", values);
    }
}
