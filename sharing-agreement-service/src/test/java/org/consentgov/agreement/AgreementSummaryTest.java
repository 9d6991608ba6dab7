package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.create;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.organisation;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.read;
import static org.consentgov.agreement.AgreementTestData.submit;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.MutableClock;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/agreements/summary}: counts by state with zeros, the upcoming dates' kinds, order and day counts
 * on a clock of its own (noon in London today, moved forward by one test only), the caller's organisation scope,
 * every role's answer and the bad look-aheads that change nothing.
 */
@QuarkusTest
@TestProfile(AgreementSummaryTest.FixedClock.Profile.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AgreementSummaryTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final List<String> STATES =
            List.of("DRAFT", "PENDING_SIGNATURE", "ACTIVE", "SUSPENDED", "EXPIRED", "TERMINATED");

    /** The service's clock in this class: it starts at noon in London today, so that days are whole. */
    @Alternative
    @Singleton
    public static class FixedClock {

        static final MutableClock CLOCK = new MutableClock(
                AgreementTestData.today().atTime(12, 0).atZone(LONDON).toInstant());

        @Produces
        @Singleton
        Clock clock() {
            return CLOCK;
        }

        public static class Profile implements QuarkusTestProfile {
            @Override
            public Set<Class<?>> getEnabledAlternatives() {
                return Set.of(FixedClock.class);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void aPartnerSeesItsOwnCountsAndDatesByDateWithOverdueReviewsNegative() {
        Parties p = parties();
        LocalDate day0 = today();
        Map<String, Object> monthly = content(p);
        monthly.put("reviewCycleMonths", 1);
        monthly.put("endDate", day0.plusDays(300).toString());
        String reviewed = active(p, monthly);
        // 45 days on, its monthly review is overdue
        FixedClock.CLOCK.advance(Duration.ofDays(45));
        LocalDate day1 = today();
        Map<String, Object> research = content(p);
        research.put("endDate", day1.plusDays(60).toString());
        research.put("accessLimit", map("recipients", list(p.recipient()), "months", 1, "after", "ANONYMISED_DATASET"));
        String limited = active(p, research);
        String draft = create(content(p)).jsonPath().getString("id");
        String pending = create(content(p)).jsonPath().getString("id");
        submit(pending);
        String partner = token("partner-user", "partner", p.recipient());
        String reviewedRef = reference(reviewed);
        String limitedRef = reference(limited);

        JsonPath summary = summary(partner, 90);
        assertThat(summary.getString("today")).isEqualTo(day1.toString());
        assertThat(summary.getInt("days")).isEqualTo(90);
        assertThat(summary.getLong("total")).isEqualTo(4);
        assertThat(summary.getMap("byState")).containsExactlyEntriesOf(states(1, 1, 2, 0, 0, 0));
        LocalDate reviewDue = day0.plusMonths(1);
        LocalDate accessEnds = day1.plusMonths(1);
        LocalDate lastDay = day1.plusDays(60);
        assertThat(upcoming(summary))
                .containsExactly(
                        row(reviewed, reviewedRef, "REVIEW_DUE", reviewDue, days(day1, reviewDue)),
                        row(limited, limitedRef, "ACCESS_WINDOW_ENDS", accessEnds, days(day1, accessEnds)),
                        row(limited, limitedRef, "EXPIRES", lastDay, 60));
        assertThat(days(day1, reviewDue)).isNegative();
        assertThat(summary.getList("upcoming.state")).containsOnly("ACTIVE");
        assertThat(summary.getList("upcoming.title")).doesNotContainNull();
        assertThat(summary.getList("upcoming.id")).doesNotContain(draft, pending);

        // the look-ahead: a day keeps only the overdue review; a year reaches the first agreement's end date and
        // the second one's yearly review (365 or 366 days on)
        assertThat(upcoming(summary(partner, 1)))
                .containsExactly(row(reviewed, reviewedRef, "REVIEW_DUE", reviewDue, days(day1, reviewDue)));
        assertThat(summary(partner, 366).getList("upcoming.kind"))
                .containsExactly("REVIEW_DUE", "ACCESS_WINDOW_ENDS", "EXPIRES", "EXPIRES", "REVIEW_DUE");
        // the default is 90 days
        assertThat(summary(partner, null).getList("upcoming")).hasSize(3);

        // the DPO sees the same dates among everyone's; another organisation sees none of them
        JsonPath all = summary(dpo(), 90);
        assertThat(upcoming(all).stream().filter(r -> r.startsWith(reviewed) || r.startsWith(limited)))
                .containsExactly(
                        row(reviewed, reviewedRef, "REVIEW_DUE", reviewDue, days(day1, reviewDue)),
                        row(limited, limitedRef, "ACCESS_WINDOW_ENDS", accessEnds, days(day1, accessEnds)),
                        row(limited, limitedRef, "EXPIRES", lastDay, 60));
        assertThat(all.getList("upcoming.date", String.class)).isSorted();
        JsonPath researcher = summary(token("researcher-user", "researcher", p.recipient()), 90);
        assertThat(upcoming(researcher)).isEqualTo(upcoming(summary));
        assertThat(researcher.getMap("byState")).isEqualTo(summary.getMap("byState"));
    }

    @Test
    void anOrganisationWithoutAgreementsSeesEveryStateAtZeroAndNothingUpcoming() {
        parties();
        String stranger = organisation("police");
        JsonPath summary = summary(token("partner-user", "partner", stranger), 366);
        assertThat(summary.getLong("total")).isZero();
        assertThat(summary.getMap("byState")).containsExactlyEntriesOf(states(0, 0, 0, 0, 0, 0));
        assertThat(summary.getList("upcoming")).isEmpty();
    }

    @Test
    void theDposCountsChangeByExactlyWhatIsCreated() {
        JsonPath before = summary(dpo(), 90);
        Parties p = parties();
        active(p);
        create(content(p));
        submit(create(content(p)).jsonPath().getString("id"));
        create(content(p));

        JsonPath after = summary(dpo(), 90);
        assertThat(STATES.stream()
                        .map(s -> after.getLong("byState." + s) - before.getLong("byState." + s))
                        .toList())
                .containsExactly(2L, 1L, 1L, 0L, 0L, 0L);
        assertThat(after.getLong("total") - before.getLong("total")).isEqualTo(4);
        assertThat(after.getMap("byState").keySet()).containsExactlyElementsOf(STATES);
    }

    @Test
    void everyRealmRoleMayAskOthersAre403AndNobodyIs401() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String role : List.of("dpo", "notice-editor", "caseworker", "integration", "auditor")) {
            answers.put(role, status(token(role)));
        }
        answers.put("partner", status(token("partner-user", "partner", AgreementTestData.SCHOOLS)));
        answers.put("researcher", status(token("researcher-user", "researcher", "university-of-bedfordshire")));
        answers.put("no realm role", status(token("visitor-user", "visitor", AgreementTestData.SCHOOLS)));
        answers.put(
                "partner without org",
                status(TestTokens.sign(
                        TestTokens.builder("partner-user", Set.of("partner"), null, "sharing-agreement-service"))));
        assertThat(answers)
                .containsExactlyEntriesOf(ordered(
                        "dpo",
                        200,
                        "notice-editor",
                        200,
                        "caseworker",
                        200,
                        "integration",
                        200,
                        "auditor",
                        200,
                        "partner",
                        200,
                        "researcher",
                        200,
                        "no realm role",
                        403,
                        "partner without org",
                        403));
        given().when()
                .get("/api/agreements/summary")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aLookAheadOutsideOneTo366DaysIs400AndChangesNothing() {
        for (String days : List.of("0", "367", "-1", "abc", "1.5", "007", "90 ")) {
            Unchanged.by(
                    dataSource,
                    () -> given().auth()
                            .oauth2(dpo())
                            .queryParam("days", days)
                            .when()
                            .get("/api/agreements/summary")
                            .then()
                            .statusCode(400)
                            .body("status", equalTo(400))
                            .extract());
        }
        assertThat(summary(dpo(), 1).getInt("days")).isEqualTo(1);
        // an empty value is no value: the default
        assertThat(given().auth()
                        .oauth2(dpo())
                        .queryParam("days", "")
                        .when()
                        .get("/api/agreements/summary")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("days"))
                .isEqualTo(90);
        assertThat(summary(dpo(), 366).getInt("days")).isEqualTo(366);
    }

    static LocalDate today() {
        return LocalDate.ofInstant(FixedClock.CLOCK.instant(), LONDON);
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    static String reference(String id) {
        return read(id).jsonPath().getString("reference");
    }

    static JsonPath summary(String token, Integer days) {
        var request = given().auth().oauth2(token);
        if (days != null) {
            request = request.queryParam("days", days);
        }
        return request.when()
                .get("/api/agreements/summary")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    static int status(String token) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/agreements/summary")
                .statusCode();
    }

    /** Each upcoming date as one comparable line: id, reference, kind, date, days from now. */
    static List<String> upcoming(JsonPath summary) {
        List<Map<String, Object>> items = summary.getList("upcoming");
        return items.stream()
                .map(i -> row(
                        (String) i.get("id"),
                        (String) i.get("reference"),
                        (String) i.get("kind"),
                        LocalDate.parse((String) i.get("date")),
                        ((Number) i.get("daysFromNow")).longValue()))
                .toList();
    }

    static String row(String id, String reference, String kind, LocalDate date, long daysFromNow) {
        return id + " " + reference + " " + kind + " " + date + " " + daysFromNow;
    }

    static Map<String, Object> states(int... counts) {
        Map<String, Object> states = new LinkedHashMap<>();
        for (int i = 0; i < STATES.size(); i++) {
            states.put(STATES.get(i), counts[i]);
        }
        return states;
    }

    static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
