package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.platform.testing.PostgresTestResource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The two hot paths, by what they ask of Hibernate and PostgreSQL (Hibernate's statistics are on in the test
 * profile): a check asks nothing of Hibernate (its read is plain SQL), loads no entity and flushes nothing, and never
 * answers without its access-log row; a create inserts each row once, in JDBC batches.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentHotPathTest extends ConsentApiTestSupport {

    @Test
    void aCheckLoadsNoRecordAndFlushesNothing() throws SQLException {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        String subjectId = subjectId(nhs);
        Statistics statistics = statistics();
        statistics.clear();

        check(nhs, PURPOSE).then().statusCode(200).body("consented", equalTo(true));
        checkBySubjectId(subjectId).then().statusCode(200).body("consented", equalTo(true));

        assertThat(statistics.getEntityStatistics(ConsentRecord.class.getName()).getLoadCount())
                .as("consent records loaded as entities")
                .isZero();
        assertThat(statistics.getEntityLoadCount()).as("entities loaded").isZero();
        assertThat(statistics.getFlushCount()).as("flushes").isZero();
        // the check's one SELECT is plain prepared SQL (ConsentCheckQueries), the access-log row the platform's own
        // INSERT: nothing goes through Hibernate at all
        assertThat(statistics.getPrepareStatementCount())
                .as("statements Hibernate prepared for two checks")
                .isZero();
        assertThat(accessRows(subjectId, "check")).isEqualTo(2);
    }

    @Test
    void aCheckWhoseAccessRowCannotBeWrittenAnswersAnErrorNotAnAnswer() throws SQLException {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        String subjectId = subjectId(nhs);
        long before = accessRows(subjectId, "check");
        refuseAccessRowsOf(subjectId);
        try {
            Response response = check(nhs, PURPOSE);
            response.then().statusCode(500);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().asString()).doesNotContain("consented");
        } finally {
            allowAccessRows();
        }
        assertThat(accessRows(subjectId, "check")).isEqualTo(before);
        check(nhs, PURPOSE).then().statusCode(200).body("consented", equalTo(true));
        assertThat(accessRows(subjectId, "check")).isEqualTo(before + 1);
    }

    @Test
    void aCreateInsertsEachRowOnceInBatches() {
        Map<String, Object> form = ConsentTestData.consent(
                nhsNumber(),
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(competentChild("GIVEN"), party("parent", "GIVEN"), party("parent", "GIVEN")));
        Statistics statistics = statistics();
        statistics.clear();

        record(form);

        // subject, its identifier, the record, three parties and the first history entry: inserted once each, the
        // record already chained to that entry, so never updated in the same flush
        assertThat(statistics.getEntityInsertCount()).isEqualTo(7);
        assertThat(statistics.getEntityStatistics(ConsentParty.class.getName()).getInsertCount())
                .isEqualTo(3);
        assertThat(statistics.getEntityUpdateCount()).as("rows updated").isZero();
        // one statement per table written, the three parties in one batch, plus the three look-ups (the subject by
        // identifier, the active records it replaces, the identifiers it answers with)
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(5 + 3);
    }

    private Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    private Response checkBySubjectId(String subjectId) {
        return given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", subjectId)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check");
    }

    private long accessRows(String subjectId, String action) throws SQLException {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement(
                        "SELECT count(*) FROM subject_access_log WHERE subject_id = ? AND action = ?")) {
            count.setObject(1, UUID.fromString(subjectId));
            count.setString(2, action);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A trigger that makes every access-log insert for this subject fail, as a full disk or a lost lock would. */
    private void refuseAccessRowsOf(String subjectId) throws SQLException {
        UUID.fromString(subjectId);
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE FUNCTION refuse_access_row() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NEW.subject_id = '%s' THEN RAISE EXCEPTION 'access log refused'; END IF;
                      RETURN NEW;
                    END $$""".formatted(subjectId));
            statement.execute("CREATE TRIGGER refuse_access_row BEFORE INSERT ON subject_access_log"
                    + " FOR EACH ROW EXECUTE FUNCTION refuse_access_row()");
        }
    }

    private void allowAccessRows() throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS refuse_access_row ON subject_access_log");
            statement.execute("DROP FUNCTION IF EXISTS refuse_access_row()");
        }
    }
}
