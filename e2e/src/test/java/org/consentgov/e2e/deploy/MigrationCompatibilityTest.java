package org.consentgov.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Zero-downtime upgrades need expand/contract migrations (deploy/README.md, Upgrading): while a new version
 * migrates at start, replicas of the old version keep serving against the migrated schema, so a migration may add
 * but never take away what the previous migrations created. This test reads every service's Flyway migrations in
 * version order (the platform's, which run in every service's database, then the service's own) and fails when one
 * drops or renames a table or column, or changes a column's type other than by widening it, that an earlier
 * migration created, unless the file name marks it as a contract step: {@code V<n>__contract_<what>.sql}, shipped
 * in a release after the one that stopped using the old table or column.
 */
class MigrationCompatibilityTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** A migration whose description starts with this may remove what earlier migrations created. */
    static final String CONTRACT_MARKER = "contract_";

    /**
     * Past steps that broke the rule before it existed, by "module/file name", each with why it was accepted. Empty:
     * every migration up to this test's introduction passes. Never add a new migration here: name it a contract
     * step instead.
     */
    static final Map<String, String> PAST_STEPS_ALLOWED = Map.of();

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__(.+)\\.sql");

    @Test
    void everyMigrationSetOfTheSuiteOnlyExpandsOutsideContractSteps() throws IOException {
        Map<String, List<Path>> sets = migrationSets();
        assertThat(sets)
                .as("services with Flyway migrations")
                .containsKeys("notice-service", "consent-service", "sharing-agreement-service");
        List<String> violations = new ArrayList<>();
        sets.forEach((module, files) -> {
            Schema schema = new Schema();
            for (Path file : files) {
                String name = ROOT.relativize(file).getName(0) + "/" + file.getFileName();
                List<String> found = schema.apply(file.getFileName().toString(), read(file));
                if (!PAST_STEPS_ALLOWED.containsKey(name)) {
                    found.forEach(v -> violations.add(module + ": " + name + ": " + v));
                }
            }
        });
        assertThat(violations)
                .as("migrations that take away what an earlier one created, outside a contract step")
                .isEmpty();
        assertThat(sets.values().stream().mapToInt(List::size).sum())
                .as("migrations read")
                .isGreaterThan(10);
    }

    @Test
    void droppingAColumnOrTableAnEarlierMigrationCreatedIsRefused() {
        Schema schema = schemaWithConsentTable();
        assertThat(schema.apply("V2__tidy.sql", "ALTER TABLE consent DROP COLUMN purpose;"))
                .containsExactly("drops column consent.purpose");
        assertThat(schemaWithConsentTable().apply("V2__tidy.sql", "drop table if exists consent cascade;"))
                .containsExactly("drops table consent");
        assertThat(schemaWithConsentTable().apply("V2__tidy.sql", "DROP TABLE public.consent;"))
                .containsExactly("drops table consent");
        assertThat(schemaWithConsentTable()
                        .apply(
                                "V2__tidy.sql",
                                "ALTER TABLE ONLY consent ADD COLUMN note text, DROP COLUMN IF EXISTS \"status\";"))
                .containsExactly("drops column consent.status");
        assertThat(schemaWithConsentTable().apply("V2__tidy.sql", "alter table consent drop purpose"))
                .as("COLUMN is optional, and the last statement needs no semicolon")
                .containsExactly("drops column consent.purpose");
    }

    @Test
    void renamingAColumnOrTableAnEarlierMigrationCreatedIsRefused() {
        assertThat(schemaWithConsentTable().apply("V2__r.sql", "ALTER TABLE consent RENAME COLUMN purpose TO aim;"))
                .containsExactly("renames column consent.purpose");
        assertThat(schemaWithConsentTable().apply("V2__r.sql", "ALTER TABLE consent RENAME purpose TO aim;"))
                .containsExactly("renames column consent.purpose");
        assertThat(schemaWithConsentTable().apply("V2__r.sql", "ALTER TABLE IF EXISTS consent RENAME TO consents;"))
                .containsExactly("renames table consent");
    }

    @Test
    void aTypeChangeIsRefusedUnlessItWidens() {
        assertThat(schemaWithConsentTable()
                        .apply("V2__t.sql", "ALTER TABLE consent ALTER COLUMN purpose TYPE varchar(50);"))
                .containsExactly("changes the type of consent.purpose from varchar(200) to varchar(50)");
        assertThat(schemaWithConsentTable()
                        .apply("V2__t.sql", "ALTER TABLE consent ALTER COLUMN attempts SET DATA TYPE smallint;"))
                .containsExactly("changes the type of consent.attempts from integer to smallint");
        assertThat(schemaWithConsentTable()
                        .apply(
                                "V2__t.sql",
                                "ALTER TABLE consent ALTER COLUMN purpose TYPE varchar(400), "
                                        + "ALTER COLUMN amount TYPE numeric(12,2);"))
                .as("a longer string or number keeps every value the old version writes, and its mapping")
                .isEmpty();
        assertThat(schemaWithConsentTable()
                        .apply("V2__t.sql", "ALTER TABLE consent ALTER COLUMN attempts TYPE bigint;"))
                .as("wider, but an old replica's Hibernate validation refuses bigint where it maps an integer")
                .containsExactly("changes the type of consent.attempts from integer to bigint");
        assertThat(schemaWithConsentTable().apply("V2__t.sql", "ALTER TABLE consent ALTER purpose TYPE text;"))
                .isEmpty();
    }

    @Test
    void whatKeepsTheOldVersionWorkingIsAllowed() {
        assertThat(schemaWithConsentTable().apply("V2__expand.sql", """
                                ALTER TABLE consent ADD COLUMN aim text;
                                ALTER TABLE consent ALTER COLUMN purpose DROP NOT NULL;
                                ALTER TABLE consent ALTER COLUMN attempts DROP DEFAULT;
                                ALTER TABLE consent DROP CONSTRAINT consent_purpose_check;
                                ALTER TABLE consent RENAME CONSTRAINT a TO b;
                                DROP INDEX consent_purpose;
                                DROP TRIGGER consent_append_only ON consent;
                                DROP FUNCTION IF EXISTS consent_append_only();
                                CREATE TABLE scratch (id uuid);
                                DROP TABLE scratch;
                                """))
                .as("new columns, relaxed constraints, indexes, triggers, and a table made in the same step")
                .isEmpty();
    }

    @Test
    void droppingWhatNoEarlierMigrationCreatedIsNotThisTestsConcern() {
        assertThat(schemaWithConsentTable().apply("V2__x.sql", "DROP TABLE IF EXISTS never_made;"))
                .isEmpty();
    }

    @Test
    void dropInACommentOrAStringLiteralDoesNotCount() {
        assertThat(schemaWithConsentTable().apply("V2__comments.sql", """
                                -- DROP TABLE consent;
                                /* ALTER TABLE consent DROP COLUMN purpose; /* nested: DROP TABLE consent */ still */
                                INSERT INTO audit (note) VALUES ('DROP TABLE consent; ALTER TABLE consent RENAME TO x');
                                INSERT INTO audit (note) VALUES ('it''s DROP TABLE consent');
                                INSERT INTO audit (note) VALUES (E'\\' DROP TABLE consent');
                                COMMENT ON COLUMN consent.purpose IS 'superseded; DROP COLUMN purpose later';
                                CREATE FUNCTION f() RETURNS void AS $$ BEGIN EXECUTE 'x'; END; $$ LANGUAGE plpgsql;
                                CREATE FUNCTION g() RETURNS text AS $body$ SELECT 'DROP TABLE consent' $body$ LANGUAGE sql;
                                CREATE TABLE "drop table consent" (id uuid);
                                """)).isEmpty();
    }

    @Test
    void aContractStepMayRemoveWhatTheReleaseBeforeStoppedUsing() {
        Schema schema = schemaWithConsentTable();
        assertThat(schema.apply("V7__contract_drop_consent_purpose.sql", "ALTER TABLE consent DROP COLUMN purpose;"))
                .isEmpty();
        assertThat(schema.apply("V8__more.sql", "ALTER TABLE consent ADD COLUMN purpose text;"))
                .as("the schema follows the contract step: the column made again is new")
                .isEmpty();
        assertThat(schema.apply("V9__contract_drop_consent.sql", "DROP TABLE consent;"))
                .isEmpty();
    }

    @Test
    void flywayVersionsAreOrderedAsNumbersNotText() {
        List<String> names = new ArrayList<>(
                List.of("V10__j.sql", "V2__b.sql", "V0_10__p.sql", "V0_2__p.sql", "V1__a.sql", "V1.1__a.sql"));
        names.sort(Comparator.comparing(MigrationCompatibilityTest::version, MigrationCompatibilityTest::compare));
        assertThat(names)
                .containsExactly("V0_2__p.sql", "V0_10__p.sql", "V1__a.sql", "V1.1__a.sql", "V2__b.sql", "V10__j.sql");
    }

    // --- the schema a migration set builds, and what each migration takes away from it ---

    /** Tables and their columns (with the type each was last given), as the migrations so far made them. */
    static final class Schema {
        private final Map<String, Map<String, String>> tables = new HashMap<>();

        /** Applies one migration; answers what it takes away that an earlier migration made (empty when none). */
        List<String> apply(String fileName, String sql) {
            Matcher file = VERSIONED.matcher(fileName);
            boolean contract = file.matches() && file.group(2).startsWith(CONTRACT_MARKER);
            Set<String> before = Set.copyOf(tables.keySet());
            Map<String, Set<String>> columnsBefore = new HashMap<>();
            tables.forEach((t, cols) -> columnsBefore.put(t, Set.copyOf(cols.keySet())));
            List<String> found = new ArrayList<>();
            for (String statement : statements(sql)) {
                apply(statement, before, columnsBefore, found);
            }
            return contract ? List.of() : found;
        }

        private void apply(
                String statement, Set<String> before, Map<String, Set<String>> columnsBefore, List<String> found) {
            String s = statement.strip();
            Matcher m;
            if ((m = CREATE_TABLE.matcher(s)).lookingAt()) {
                String table = name(m.group(1));
                int open = s.indexOf('(', m.end() - 1);
                Map<String, String> columns = new LinkedHashMap<>();
                if (open >= 0) {
                    for (String element : topLevel(s.substring(open + 1, closing(s, open)), ',')) {
                        column(element).ifPresent(c -> columns.put(c[0], c[1]));
                    }
                }
                tables.putIfAbsent(table, columns);
            } else if ((m = DROP_TABLE.matcher(s)).lookingAt()) {
                for (String t : topLevel(m.group(1), ',')) {
                    String table = name(t.strip().split("\\s+")[0]);
                    if (before.contains(table)) {
                        found.add("drops table " + table);
                    }
                    tables.remove(table);
                }
            } else if ((m = ALTER_TABLE.matcher(s)).lookingAt()) {
                String table = name(m.group(1));
                Map<String, String> columns = tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
                boolean earlier = before.contains(table);
                Set<String> earlierColumns = columnsBefore.getOrDefault(table, Set.of());
                for (String action : topLevel(s.substring(m.end()), ',')) {
                    alter(table, columns, earlier, earlierColumns, action.strip(), found);
                }
            }
        }

        private void alter(
                String table,
                Map<String, String> columns,
                boolean earlier,
                Set<String> earlierColumns,
                String action,
                List<String> found) {
            Matcher m;
            if ((m = ADD_COLUMN.matcher(action)).lookingAt()) {
                column(action.substring(m.end())).ifPresent(c -> columns.put(c[0], c[1]));
            } else if ((m = DROP_COLUMN.matcher(action)).lookingAt()) {
                String column = name(m.group(1));
                if (earlierColumns.contains(column)) {
                    found.add("drops column " + table + "." + column);
                }
                columns.remove(column);
            } else if ((m = RENAME_TABLE.matcher(action)).lookingAt()) {
                if (earlier) {
                    found.add("renames table " + table);
                }
                tables.put(name(m.group(1)), tables.remove(table));
            } else if ((m = RENAME_COLUMN.matcher(action)).lookingAt()) {
                String column = name(m.group(1));
                if (earlierColumns.contains(column)) {
                    found.add("renames column " + table + "." + column);
                }
                String type = columns.remove(column);
                columns.put(name(m.group(2)), type == null ? "" : type);
            } else if ((m = ALTER_TYPE.matcher(action)).lookingAt()) {
                String column = name(m.group(1));
                String type = type(m.group(2));
                String old = columns.get(column);
                if (earlierColumns.contains(column) && old != null && !widens(old, type)) {
                    found.add("changes the type of " + table + "." + column + " from " + old + " to " + type);
                }
                columns.put(column, type);
            }
        }
    }

    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_TABLE = Pattern.compile(
            "DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.+?)(?:\\s+(?:CASCADE|RESTRICT))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME + "\\s*\\*?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?!(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(?!(?:CONSTRAINT|DEFAULT|NOT|EXPRESSION|IDENTITY)\\b)"
                    + "(\"[^\"]+\"|[\\w$]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE =
            Pattern.compile("RENAME\\s+TO\\s+(\"[^\"]+\"|[\\w$]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "RENAME\\s+(?:COLUMN\\s+)?(?!(?:CONSTRAINT|TO)\\b)(\"[^\"]+\"|[\\w$]+)\\s+TO\\s+(\"[^\"]+\"|[\\w$]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TYPE = Pattern.compile(
            "ALTER\\s+(?:COLUMN\\s+)?(\"[^\"]+\"|[\\w$]+)\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.+?)"
                    + "(?:\\s+(?:COLLATE|USING)\\b.*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> TABLE_CONSTRAINTS =
            Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");
    private static final Pattern COLUMN_CONSTRAINT = Pattern.compile(
            "\\s+(?:NOT\\s+NULL|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT|GENERATED|COLLATE)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** {name, type} of a column definition, or empty for a table constraint. */
    static Optional<String[]> column(String definition) {
        String d = definition.strip();
        String[] parts = d.split("\\s+", 2);
        if (parts.length < 2 || TABLE_CONSTRAINTS.contains(parts[0].toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new String[] {
            name(parts[0]), type(COLUMN_CONSTRAINT.matcher(parts[1]).replaceFirst(""))
        });
    }

    /** A table or column name as PostgreSQL keeps it: unquoted names fold to lower case, the schema is dropped. */
    static String name(String raw) {
        String n = raw.strip();
        List<String> parts = new ArrayList<>();
        for (Matcher m = Pattern.compile("\"([^\"]+)\"|([\\w$]+)").matcher(n); m.find(); ) {
            parts.add(m.group(1) != null ? m.group(1) : m.group(2).toLowerCase(Locale.ROOT));
        }
        return parts.isEmpty() ? n : parts.get(parts.size() - 1);
    }

    /** A type in one spelling: lower case, single spaces, PostgreSQL's aliases resolved. */
    static String type(String raw) {
        String t = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*\\(\\s*", "(");
        t = t.replaceAll("\\s*\\)", ")").replaceAll("\\s*,\\s*", ",");
        t = t.replaceFirst("^character varying", "varchar").replaceFirst("^int4$", "integer");
        t = t.replaceFirst("^int$", "integer").replaceFirst("^int8$", "bigint").replaceFirst("^int2$", "smallint");
        return t.replaceFirst("^timestamp with time zone$", "timestamptz");
    }

    private static final Pattern SIZED = Pattern.compile("(varchar|char|numeric|decimal)\\((\\d+)(?:,(\\d+))?\\)");

    /**
     * Whether every value of type {@code from} fits unchanged in {@code to} and the old version's entities still
     * map to it: only a longer string or number of the same kind. Another type, even a wider one (integer to
     * bigint), fails Hibernate's schema validation in a replica of the old version that restarts during the rollout.
     */
    static boolean widens(String from, String to) {
        if (from.equals(to) || to.equals("text") && (from.startsWith("varchar") || from.equals("text"))) {
            return true;
        }
        if (from.startsWith("varchar") && to.equals("varchar")) {
            return true;
        }
        Matcher f = SIZED.matcher(from);
        Matcher t = SIZED.matcher(to);
        if (f.matches() && t.matches() && f.group(1).equals(t.group(1))) {
            int fromScale = f.group(3) == null ? 0 : Integer.parseInt(f.group(3));
            int toScale = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
            int fromWhole = Integer.parseInt(f.group(2)) - fromScale;
            int toWhole = Integer.parseInt(t.group(2)) - toScale;
            return toWhole >= fromWhole && toScale >= fromScale;
        }
        return false;
    }

    // --- SQL text: statements without comments, string literals and function bodies ---

    /**
     * The statements of a script, with comments removed and the contents of string literals, dollar-quoted bodies
     * and quoted identifiers kept out of reach: a DROP inside any of them is text, not a statement. Literals and
     * bodies become {@code ''}; quoted identifiers stay as they are (they are names).
     */
    static List<String> statements(String sql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (depth > 0 && i < n);
                out.append(' ');
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (escapes && d == '\\') {
                        i += 2;
                    } else if (d == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
                out.append("''");
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? n - 1 : end;
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
                out.append("''");
            } else {
                out.append(c);
                i++;
            }
        }
        List<String> statements = new ArrayList<>();
        for (String s : out.toString().split(";")) {
            if (!s.isBlank()) {
                statements.add(s.strip());
            }
        }
        return statements;
    }

    /** The dollar-quote tag ($$ or $name$) starting at i, or null when none starts there. */
    private static String dollarTag(String sql, int i) {
        Matcher m = Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$").matcher(sql);
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null; // part of an identifier such as a$b, or a positional parameter's tail
        }
        return m.find(i) && m.start() == i ? m.group() : null;
    }

    /** Splits on a separator outside parentheses. */
    static List<String> topLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    // --- the migration sets ---

    /**
     * Each service's migrations in the order Flyway applies them: the platform's (db/platform, in every service's
     * database) and the service's own (db/migration), sorted together by version.
     */
    static Map<String, List<Path>> migrationSets() throws IOException {
        List<Path> shared = new ArrayList<>();
        Map<String, List<Path>> own = new LinkedHashMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path db = module.resolve("src/main/resources/db");
                if (!Files.isDirectory(db)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(db)) {
                    List<Path> migrations = files.filter(f -> VERSIONED
                                    .matcher(f.getFileName().toString())
                                    .matches())
                            .toList();
                    if (module.getFileName().toString().equals("platform")) {
                        shared.addAll(migrations);
                    } else {
                        own.put(module.getFileName().toString(), migrations);
                    }
                }
            }
        }
        Map<String, List<Path>> sets = new LinkedHashMap<>();
        own.forEach((module, files) -> {
            List<Path> all = new ArrayList<>(shared);
            all.addAll(files);
            all.sort(Comparator.comparing(
                    f -> version(f.getFileName().toString()), MigrationCompatibilityTest::compare));
            sets.put(module, all);
        });
        return sets;
    }

    static List<BigInteger> version(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + fileName);
        }
        return Stream.of(m.group(1).split("[._]")).map(BigInteger::new).toList();
    }

    static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            if (x.compareTo(y) != 0) {
                return x.compareTo(y);
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String table() {
        return """
                CREATE TABLE IF NOT EXISTS consent (
                    id        uuid          PRIMARY KEY,
                    purpose   varchar(200)  NOT NULL CHECK (purpose <> ''),
                    "status"  text          NOT NULL DEFAULT 'GIVEN',
                    attempts  int           NOT NULL DEFAULT 0,
                    amount    numeric(10, 2),
                    CONSTRAINT consent_purpose_unique UNIQUE (id, purpose)
                );
                """;
    }

    private static Schema schemaWithConsentTable() {
        Schema schema = new Schema();
        assertThat(schema.apply("V1__consents.sql", table())).isEmpty();
        return schema;
    }
}
