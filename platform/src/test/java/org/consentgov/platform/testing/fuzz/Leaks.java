package org.consentgov.platform.testing.fuzz;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What no response body may carry: stack traces, exception and class names, SQL and the database's own
 * error texts. The fuzzer never sends a value that matches one of these, so a match is never an echo.
 */
public final class Leaks {

    static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\bat (?:org|java|javax|jakarta|io|com|jdk|sun)\\.[\\w.$]+\\("),
            Pattern.compile("Exception"),
            Pattern.compile("\\bThrowable\\b"),
            Pattern.compile("org\\.hibernate"),
            Pattern.compile("SQLState", Pattern.CASE_INSENSITIVE),
            Pattern.compile("PSQLException"),
            Pattern.compile("\\bjavax?\\.(?:lang|util|io|net|sql|time|math|nio|text|security)\\b"),
            Pattern.compile("\\bjakarta\\.(?:ws|persistence|validation|json|transaction|enterprise)\\b"),
            // a fully qualified class name (event types such as org.consentgov.notice.published are not)
            Pattern.compile(
                    "\\b(?:org|io|com|net|java|javax|jakarta|jdk|sun)\\.(?:[a-z0-9_]+\\.)+[A-Z][A-Za-z0-9_$]*\\b"),
            Pattern.compile(
                    "io\\.quarkus|io\\.vertx|io\\.smallrye|com\\.fasterxml|org\\.jboss|org\\.postgresql|io\\.agroal"),
            Pattern.compile("(?i)\\bselect\\s+[\\w*,.\\s]{1,200}\\s+from\\s"),
            Pattern.compile("(?i)\\binsert\\s+into\\s"),
            Pattern.compile("(?i)\\bupdate\\s+\\w+\\s+set\\s"),
            Pattern.compile("(?i)\\bdelete\\s+from\\s"),
            Pattern.compile("(?i)\\bviolates (?:unique|foreign key|check|not-null) constraint"),
            Pattern.compile("(?i)\\bduplicate key value\\b"),
            Pattern.compile("(?i)\\binvalid byte sequence for encoding\\b"),
            Pattern.compile("\\b(?:Jackson|jackson-databind|Hibernate|Resteasy|RESTEasy)\\b"),
            Pattern.compile("\\(through reference chain:"),
            Pattern.compile("\\[Source: "));

    private Leaks() {}

    /** The first pattern the text matches, if any. */
    public static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Pattern pattern : PATTERNS) {
            var m = pattern.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 60);
                int to = Math.min(text.length(), m.end() + 60);
                return Optional.of("/" + pattern.pattern() + "/ at: …" + text.substring(from, to) + "…");
            }
        }
        return Optional.empty();
    }
}
