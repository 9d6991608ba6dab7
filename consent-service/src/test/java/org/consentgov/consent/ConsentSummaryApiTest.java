package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.domain.NoticeEventReactions;
import org.consentgov.platform.events.subscription.EventInbox;
import org.consentgov.platform.events.subscription.ReceivedEvent;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.NoticeEventTestData;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/consents/summary}: exact counts for data the test makes (a notice slug of its own, and the change
 * of the suite-wide figures it causes), zeros for empty states, no access-log row, and every role's answer.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentSummaryApiTest extends ConsentApiTestSupport {

    static final List<String> STATES =
            List.of("ACTIVE", "REFUSED", "WITHDRAWN", "EXPIRED", "SUPERSEDED", "INVALIDATED");
    static final List<String> STATUSES = List.of("REFERRED", "ACCEPTED", "DECLINED");

    @Inject
    NoticeEventReactions reactions;

    @Inject
    EventInbox inbox;

    @Inject
    ObjectMapper mapper;

    @Test
    void countsEveryStateByNoticeVersionWithReconsentFlagsAndTheReferredQueue() {
        String slug = "summary-" + UUID.randomUUID().toString().substring(0, 8);
        NoticeServiceStub.stage(slug, 1, hash(1), n -> {});
        NoticeServiceStub.stage(slug, 2, hash(2), n -> {});
        JsonPath before = summary("dpo");

        String first = nhsNumber();
        record(consentOn(slug, 1, first, 0, "GIVEN"));
        String late =
                record(consentOn(slug, 1, nhsNumber(), 15, "GIVEN")).jsonPath().getString("id");
        record(consentOn(slug, 1, nhsNumber(), 0, "REFUSED"));
        String withdrawn =
                record(consentOn(slug, 1, nhsNumber(), 0, "GIVEN")).jsonPath().getString("id");
        withdraw(withdrawn, 200);
        String requestId = withdraw(late, 409).jsonPath().getString("withdrawalRequestId");
        // version 2 changes the notice materially: both ACTIVE records on version 1 are flagged
        Map<String, Object> change =
                NoticeEventTestData.materialChange(UUID.randomUUID().toString(), slug, 2, 1, List.of("adds a purpose"));
        change.put("position", 7);
        inbox.accept(ReceivedEvent.of(mapper.valueToTree(change)), reactions);
        // the first child consents again on version 2: the flagged record is superseded and no longer counted
        record(consentOn(slug, 2, first, 0, "GIVEN"));

        JsonPath after = summary("dpo");
        Map<String, Object> v1 = notice(after, slug, 1);
        assertThat(v1)
                .containsEntry("total", 4)
                .containsEntry("reconsentRequired", 1)
                .containsEntry("byState", states(1, 1, 1, 0, 1, 0));
        assertThat(notice(after, slug, 2))
                .containsEntry("total", 1)
                .containsEntry("reconsentRequired", 0)
                .containsEntry("byState", states(1, 0, 0, 0, 0, 0));
        assertThat(after.getLong("total") - before.getLong("total")).isEqualTo(5);
        assertThat(after.getLong("reconsentRequired") - before.getLong("reconsentRequired"))
                .isEqualTo(1);
        assertThat(deltas(before, after, "byState", STATES)).containsExactly(2L, 1L, 1L, 0L, 1L, 0L);
        assertThat(deltas(before, after, "withdrawalRequests.byStatus", STATUSES))
                .containsExactly(1L, 0L, 0L);
        assertThat(after.getLong("withdrawalRequests.awaitingResolution")
                        - before.getLong("withdrawalRequests.awaitingResolution"))
                .isEqualTo(1);
        assertThat(after.getString("withdrawalRequests.oldestAwaitingSince")).isNotNull();
        assertThat(after.getString("asOf")).isNotNull();

        given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(map("decision", "DECLINE", "note", "The research has already used the answers"))
                .header("If-Match", ConsentTestData.requestEtag(requestId))
                .when()
                .post("/api/consents/withdrawal-requests/{r}/resolve", requestId)
                .then()
                .statusCode(200);
        JsonPath resolved = summary("dpo");
        assertThat(deltas(before, resolved, "withdrawalRequests.byStatus", STATUSES))
                .containsExactly(0L, 0L, 1L);
        assertThat(resolved.getLong("withdrawalRequests.total") - before.getLong("withdrawalRequests.total"))
                .isEqualTo(1);
    }

    @Test
    void everyStateAndStatusIsPresentAndTheTotalsAddUp() {
        JsonPath summary = summary("auditor");
        assertThat(summary.getMap("byState").keySet()).containsExactlyElementsOf(STATES);
        assertThat(summary.getMap("withdrawalRequests.byStatus").keySet()).containsExactlyElementsOf(STATUSES);
        assertThat(sum(summary.getMap("byState"))).isEqualTo(summary.getLong("total"));
        assertThat(sum(summary.getMap("withdrawalRequests.byStatus")))
                .isEqualTo(summary.getLong("withdrawalRequests.total"));
        List<Map<String, Object>> notices = summary.getList("byNotice");
        assertThat(notices.stream()
                        .mapToLong(n -> ((Number) n.get("total")).longValue())
                        .sum())
                .isEqualTo(summary.getLong("total"));
        notices.forEach(n -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> byState = (Map<String, Object>) n.get("byState");
            assertThat(byState.keySet()).containsExactlyElementsOf(STATES);
        });
        assertThat(notices)
                .extracting(n -> n.get("slug") + "@" + String.format("%06d", (Integer) n.get("version")))
                .isSorted();
    }

    @Test
    void readingTheCountsWritesNoAccessLogRowAndChangesNothing() {
        record(ConsentTestData.researchConsent(nhsNumber(), 0));
        String[] tables = {"subject_access_log", "consent_record", "consent_history", "withdrawal_request"};
        Map<String, String> before = DatabaseFingerprint.of(dataSource, tables);

        summary("dpo");
        summary("caseworker");

        assertThat(DatabaseFingerprint.of(dataSource, tables)).isEqualTo(before);
    }

    @Test
    void theRolesOfTheConsentListMayReadItOthersAre403AndNobodyIs401() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String role :
                List.of("dpo", "auditor", "caseworker", "integration", "notice-editor", "researcher", "partner")) {
            answers.put(
                    role,
                    given().auth()
                            .oauth2(token(
                                    role, "researcher".equals(role) ? "university-of-bedfordshire" : "luton-council"))
                            .when()
                            .get("/api/consents/summary")
                            .statusCode());
        }
        assertThat(answers)
                .containsExactlyEntriesOf(ordered(
                        "dpo",
                        200,
                        "auditor",
                        200,
                        "caseworker",
                        200,
                        "integration",
                        200,
                        "notice-editor",
                        403,
                        "researcher",
                        403,
                        "partner",
                        403));
        given().when()
                .get("/api/consents/summary")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().auth()
                .oauth2(token("partner", "luton-schools"))
                .when()
                .get("/api/consents/summary")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    static Map<String, Object> consentOn(String slug, int version, String nhs, int daysAgo, String decision) {
        return consent(nhs, slug, version, hash(version), PURPOSE, daysAgo, list(competentChild(decision)));
    }

    static String hash(int version) {
        return String.valueOf((char) ('c' + version)).repeat(64);
    }

    io.restassured.response.ExtractableResponse<io.restassured.response.Response> withdraw(String id, int status) {
        return given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child", "channel", "told their caseworker"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(status)
                .extract();
    }

    static JsonPath summary(String role) {
        return given().auth()
                .oauth2(token(role))
                .when()
                .get("/api/consents/summary")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    static Map<String, Object> notice(JsonPath summary, String slug, int version) {
        List<Map<String, Object>> found = summary.<Map<String, Object>>getList("byNotice").stream()
                .filter(n ->
                        slug.equals(n.get("slug")) && Integer.valueOf(version).equals(n.get("version")))
                .toList();
        assertThat(found)
                .as("byNotice entries for %s version %d", slug, version)
                .hasSize(1);
        return found.get(0);
    }

    static Map<String, Object> states(int... counts) {
        Map<String, Object> states = new LinkedHashMap<>();
        for (int i = 0; i < STATES.size(); i++) {
            states.put(STATES.get(i), counts[i]);
        }
        return states;
    }

    static List<Long> deltas(JsonPath before, JsonPath after, String path, List<String> keys) {
        return keys.stream()
                .map(k -> after.getLong(path + "." + k) - before.getLong(path + "." + k))
                .toList();
    }

    static long sum(Map<String, Object> counts) {
        return counts.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }

    static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
