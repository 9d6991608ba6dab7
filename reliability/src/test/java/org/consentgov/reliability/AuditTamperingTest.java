package org.consentgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.consentgov.reliability.support.Fixtures;
import org.consentgov.reliability.support.Postgres;
import org.consentgov.reliability.support.Suite;
import org.consentgov.reliability.support.SuiteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue G: audit rows edited or deleted behind the services' backs. consent-service's history is hash-chained and
 * its verify endpoint must name the record and the entry that broke. notice-service and sharing-agreement-service
 * keep their audit tables append-only (no verify endpoint): there the database itself must refuse the edit.
 */
@ExtendWith(SuiteExtension.class)
class AuditTamperingTest {

    @Test
    void anEditedConsentHistoryRowIsReportedByTheVerifyEndpoint(Suite suite) {
        Fixtures f = new Fixtures(suite);
        String id = withdrawnConsent(f);
        assertThat(verify(f, id).path("valid").asBoolean()).isTrue();

        int changed = suite.postgres()
                .tamper(
                        Suite.CONSENTS,
                        "UPDATE consent_history SET actor = 'someone-else' WHERE record_id = ?::uuid AND seq = 1",
                        id);
        assertThat(changed).isEqualTo(1);

        JsonNode result = verify(f, id);
        assertThat(result.path("recordId").asText()).isEqualTo(id);
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(texts(result.path("problems"))).contains("entry 1 was changed after it was written");
    }

    @Test
    void aDeletedConsentHistoryRowIsReportedByTheVerifyEndpoint(Suite suite) {
        Fixtures f = new Fixtures(suite);
        String id = withdrawnConsent(f);
        assertThat(verify(f, id).path("valid").asBoolean()).isTrue();

        int deleted = suite.postgres()
                .tamper(Suite.CONSENTS, "DELETE FROM consent_history WHERE record_id = ?::uuid AND seq = 1", id);
        assertThat(deleted).isEqualTo(1);

        JsonNode result = verify(f, id);
        assertThat(result.path("recordId").asText()).isEqualTo(id);
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("entries").asInt()).isEqualTo(1);
        assertThat(texts(result.path("problems")))
                .contains(
                        "entry 1 is missing (found seq 2)",
                        "entry 2 does not follow the entry before it",
                        "the record has 2 history entries but 1 were found");
    }

    @Test
    void theLatestConsentHistoryRowDeletedIsReportedByTheVerifyEndpoint(Suite suite) {
        Fixtures f = new Fixtures(suite);
        String id = withdrawnConsent(f);

        suite.postgres()
                .tamper(Suite.CONSENTS, "DELETE FROM consent_history WHERE record_id = ?::uuid AND seq = 2", id);

        JsonNode result = verify(f, id);
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(texts(result.path("problems")))
                .contains(
                        "the record has 2 history entries but 1 were found",
                        "the last entry is not the one the record points to");
    }

    @Test
    void theAuditTablesOfNoticesAndAgreementsRefuseEditsAndDeletes(Suite suite) {
        Fixtures f = new Fixtures(suite);
        Fixtures.Parties parties = f.parties();
        String agreement = f.activeAgreement(parties);
        Postgres db = suite.postgres();
        // notice-service: the transitions of every version (published by parties())
        assertRefused(
                db,
                Suite.NOTICES,
                "UPDATE notice_version_transition SET actor = 'someone-else' "
                        + "WHERE version_id IN (SELECT v.id FROM notice_version v JOIN notice n ON n.id = v.notice_id WHERE n.slug = ?)",
                parties.notice());
        assertRefused(
                db,
                Suite.NOTICES,
                "DELETE FROM notice_version_transition "
                        + "WHERE version_id IN (SELECT v.id FROM notice_version v JOIN notice n ON n.id = v.notice_id WHERE n.slug = ?)",
                parties.notice());
        // sharing-agreement-service: the agreement's history, signatures and events; the disclosure log
        for (String table : new String[] {"agreement_history", "agreement_signature", "agreement_event"}) {
            assertRefused(db, Suite.AGREEMENTS, "DELETE FROM " + table + " WHERE agreement_id = ?::uuid", agreement);
        }
        String pupil = Fixtures.upn();
        JsonNode decision = f.agreementIntegration()
                .post("/api/sharing-decisions", Fixtures.eyesQuestion("upn:" + pupil, true))
                .expect(201)
                .json();
        String disclosure = decision.path("disclosureId").asText();
        assertThat(disclosure).isNotBlank();
        assertRefused(
                db,
                Suite.AGREEMENTS,
                "UPDATE disclosure SET recipient = 'someone-else' WHERE id = ?::uuid",
                disclosure);
        assertRefused(db, Suite.AGREEMENTS, "DELETE FROM disclosure WHERE id = ?::uuid", disclosure);
        assertRefused(
                db,
                Suite.AGREEMENTS,
                "DELETE FROM sharing_decision WHERE id = ?::uuid",
                decision.path("decisionId").asText());
    }

    private static void assertRefused(Postgres db, String database, String sql, String parameter) {
        assertThatThrownBy(() -> db.execute(database, sql, parameter))
                .as(sql)
                .rootCause()
                .hasMessageContaining("append-only");
    }

    /** A consent recorded and withdrawn: two history entries. */
    private static String withdrawnConsent(Fixtures f) {
        String id = f.consent(Fixtures.nhsNumber()).path("id").asText();
        f.caseworker()
                .header("If-Match", f.consentEtag(id))
                .post(
                        "/api/consents/" + id + "/withdrawals",
                        Fixtures.map(
                                "requestedBy",
                                "parent",
                                "channel",
                                "told their caseworker",
                                "reason",
                                "changed their mind"))
                .expect(200);
        return id;
    }

    private static JsonNode verify(Fixtures f, String id) {
        return f.consentDpo()
                .get("/api/consents/" + id + "/history/verify")
                .expect(200)
                .json();
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
