package org.consentgov.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.platform.identifiers.Identifier;
import org.consentgov.platform.testing.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows written into each service's own {@code subject_access_log}, created here as the services' migrations
 * create them (consent-service names the subject by id, sharing-agreement-service by identifier).
 */
class SubjectAccessLogTest {

    private static final String CONSENT_TABLE = """
            CREATE TABLE subject_access_log (
                id          uuid          PRIMARY KEY,
                subject_id  uuid          NOT NULL,
                actor       varchar(255)  NOT NULL,
                actor_client varchar(255),
                actor_org   varchar(80),
                action      varchar(40)   NOT NULL,
                at          timestamptz   NOT NULL,
                request_id  varchar(128)
            )""";

    private static final String AGREEMENT_TABLE = """
            CREATE TABLE subject_access_log (
                id             uuid          PRIMARY KEY,
                subject_system varchar(30),
                subject_value  varchar(64),
                actor          varchar(255)  NOT NULL,
                actor_client   varchar(255),
                actor_org      varchar(80),
                action         varchar(40)   NOT NULL,
                detail         varchar(500),
                at             timestamptz   NOT NULL,
                request_id     varchar(128),
                CHECK (subject_value IS NOT NULL OR detail IS NOT NULL)
            )""";

    private static final Instant AT = Instant.parse("2026-03-03T14:05:00.123456Z");

    private static Connection consent;
    private static Connection agreement;

    @BeforeAll
    static void tables() throws SQLException {
        consent = database("platform_access_consent", CONSENT_TABLE);
        agreement = database("platform_access_agreement", AGREEMENT_TABLE);
    }

    @AfterAll
    static void close() throws SQLException {
        consent.close();
        agreement.close();
    }

    private static Connection database(String name, String table) throws SQLException {
        LocalPostgres postgres = LocalPostgres.get();
        postgres.recreateDatabase(name);
        Connection connection =
                DriverManager.getConnection(postgres.jdbcUrl(name), postgres.user(), postgres.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute(table);
        }
        return connection;
    }

    @Test
    void aReadOfAConsentSubjectIsLoggedByItsId() throws SQLException {
        UUID subject = UUID.randomUUID();
        SubjectAccessLog.Entry entry = new SubjectAccessLog.Entry(
                UUID.randomUUID(),
                AccessedSubject.byId(subject),
                "caseworker-1",
                null,
                "luton-council",
                "read-subject",
                null,
                AT,
                "req-1");
        SubjectAccessLog.write(consent, entry);

        try (ResultSet row = row(consent, entry.id(), "subject_id, actor, actor_org, action, at, request_id")) {
            assertThat(row.getObject("subject_id")).isEqualTo(subject);
            assertThat(row.getString("actor")).isEqualTo("caseworker-1");
            assertThat(row.getString("actor_org")).isEqualTo("luton-council");
            assertThat(row.getString("action")).isEqualTo("read-subject");
            assertThat(row.getTimestamp("at").toInstant()).isEqualTo(AT);
            assertThat(row.getString("request_id")).isEqualTo("req-1");
        }
    }

    @Test
    void aReadOfADisclosureIsLoggedByTheSubjectsIdentifierWithoutDetail() throws SQLException {
        Identifier nhs = Identifier.parse("nhs-number:943 476 5919").identifier();
        SubjectAccessLog.Entry entry = new SubjectAccessLog.Entry(
                UUID.randomUUID(),
                new AccessedSubject.ByIdentifier(nhs),
                "dpo-1",
                null,
                null,
                "read-disclosure",
                null,
                AT,
                null);
        SubjectAccessLog.write(agreement, entry);

        try (ResultSet row = row(agreement, entry.id(), "subject_system, subject_value, actor_org, detail")) {
            assertThat(row.getString("subject_system")).isEqualTo("nhs-number");
            assertThat(row.getString("subject_value")).isEqualTo("9434765919");
            assertThat(row.getString("actor_org")).isNull();
            assertThat(row.getString("detail")).isNull();
        }
    }

    @Test
    void aReadOfManySubjectsIsOneRowPerSubjectWithItsContextAndClient() throws SQLException {
        Identifier first = Identifier.parse("nhs-number:943 476 5919").identifier();
        Identifier second = Identifier.parse("nhs-number:999 000 0018").identifier();
        List<SubjectAccessLog.Entry> entries = List.of(
                new SubjectAccessLog.Entry(
                        UUID.randomUUID(),
                        new AccessedSubject.ByIdentifier(first),
                        "auditor-1",
                        "governance-console",
                        "luton-council",
                        "export-disclosures",
                        "filter: recipient=bedford-trust",
                        AT,
                        "req-2"),
                new SubjectAccessLog.Entry(
                        UUID.randomUUID(),
                        new AccessedSubject.ByIdentifier(second),
                        "auditor-1",
                        null,
                        "luton-council",
                        "export-disclosures",
                        "filter: recipient=bedford-trust",
                        AT,
                        "req-2"));
        SubjectAccessLog.write(agreement, entries);

        try (ResultSet row = row(agreement, entries.get(0).id(), "subject_value, actor_client, detail")) {
            assertThat(row.getString("subject_value")).isEqualTo("9434765919");
            assertThat(row.getString("actor_client")).isEqualTo("governance-console");
            assertThat(row.getString("detail")).isEqualTo("filter: recipient=bedford-trust");
        }
        try (ResultSet row = row(agreement, entries.get(1).id(), "subject_value, actor_client")) {
            assertThat(row.getString("subject_value")).isEqualTo("9990000018");
            assertThat(row.getString("actor_client")).isNull();
        }
    }

    @Test
    void anAccessNamesItsSubjectAndAnAction() {
        assertThatThrownBy(() -> new SubjectAccessLog.Entry(
                        UUID.randomUUID(), null, "a", null, null, "export", "filter", AT, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectAccessLog.Entry(
                        UUID.randomUUID(),
                        AccessedSubject.byId(UUID.randomUUID()),
                        "a",
                        null,
                        null,
                        " ",
                        null,
                        AT,
                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ResultSet row(Connection connection, UUID id, String columns) throws SQLException {
        var query = connection.prepareStatement("SELECT " + columns + " FROM subject_access_log WHERE id = ?");
        query.setObject(1, id);
        ResultSet row = query.executeQuery();
        assertThat(row.next()).isTrue();
        return row;
    }
}
