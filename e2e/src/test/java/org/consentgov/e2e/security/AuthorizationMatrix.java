package org.consentgov.e2e.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consentgov.e2e.security.AuthorizationMatrixE2eTest.Column;
import org.consentgov.e2e.security.AuthorizationMatrixE2eTest.Row;

/** The Markdown table of the authorization matrix: rendered from answers, parsed from the repository's file. */
final class AuthorizationMatrix {

    private AuthorizationMatrix() {}

    static String render(Collection<Row> rows) {
        List<String> headings = Stream.concat(
                        Stream.of("operation", "operationId"),
                        AuthorizationMatrixE2eTest.COLUMNS.stream().map(Column::heading))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", headings)).append(" |\n");
        out.append(headings.stream().map(h -> "---").collect(Collectors.joining("|", "|", "|")))
                .append('\n');
        for (Row row : rows) {
            out.append("| `")
                    .append(row.key())
                    .append("` | ")
                    .append(row.operationId())
                    .append(" | ")
                    .append(String.join(" | ", row.cells()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * The rows of the first table in the file whose first column holds {@code `METHOD /path`}: everything else
     * (prose, the legend, the heading row) is ignored.
     */
    static Map<String, Row> parse(String markdown, int columns) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("| `")) {
                continue;
            }
            String[] cells = trimmed.substring(1, trimmed.length() - (trimmed.endsWith("|") ? 1 : 0))
                    .split("\\|", -1);
            List<String> values = Stream.of(cells).map(String::trim).toList();
            if (values.size() != columns + 2) {
                throw new IllegalArgumentException(
                        "a row of the matrix has " + values.size() + " cells, not " + (columns + 2) + ": " + line);
            }
            String key = values.get(0).replace("`", "");
            if (rows.put(key, new Row(key, values.get(1), values.subList(2, values.size()))) != null) {
                throw new IllegalArgumentException("the matrix has two rows for " + key);
            }
        }
        return rows;
    }
}
