package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.create;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/agreements?linkedNotice=: the agreements whose current versions link a notice (what notice-service's
 * dry run of a notice change lists), paged and scoped like every list.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LinkedNoticeFilterTest {

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    static List<String> linking(String token, String notice, int size) {
        return given().auth()
                .oauth2(token)
                .queryParam("linkedNotice", notice)
                .queryParam("size", size)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    static Map<String, Object> linkingAlso(Map<String, Object> content, String notice) {
        @SuppressWarnings("unchecked")
        List<Object> links = (List<Object>) content.get("linkedNotices");
        links.add(map("slug", notice, "version", 1));
        return content;
    }

    @Test
    void listsTheAgreementsInForceAndBeingDraftedThatLinkTheNoticeAndNoOther() {
        Parties first = parties();
        Parties second = parties();
        Parties other = parties();
        String inForce = active(first);
        String draft =
                create(linkingAlso(content(second), first.notice())).jsonPath().getString("id");
        String unrelated = active(other);

        assertThat(linking(dpo(), first.notice(), 100))
                .containsExactlyInAnyOrder(inForce, draft)
                .doesNotContain(unrelated);
        given().auth()
                .oauth2(token("integration"))
                .queryParam("linkedNotice", first.notice())
                .queryParam("size", 1)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].parties", hasSize(2))
                .body("items[0].state", org.hamcrest.Matchers.oneOf("ACTIVE", "DRAFT"));
        given().auth()
                .oauth2(dpo())
                .queryParam("linkedNotice", first.notice())
                .queryParam("state", "ACTIVE")
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(list(inForce)));
        assertThat(linking(dpo(), "no-agreement-links-this", 100)).isEmpty();
    }

    @Test
    void aVariationThatAddsTheLinkCountsAndSoDoesTheVersionStillInForce() {
        Parties p = parties();
        Parties q = parties();
        String id = active(p);
        given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(map(
                        "content",
                        linkingAlso(content(p), q.notice()),
                        "reason",
                        "the second cohort is told about it in another notice"))
                .when()
                .post("/api/agreements/{id}/variations", id)
                .then()
                .statusCode(201);

        assertThat(linking(dpo(), q.notice(), 100)).containsExactly(id);
        assertThat(linking(dpo(), p.notice(), 100)).containsExactly(id);
    }

    @Test
    void aPartnerSeesOnlyItsOwnOrganisationsAgreements() {
        Parties ours = parties();
        Parties theirs = parties();
        String mine = active(ours);
        create(linkingAlso(content(theirs), ours.notice()));

        assertThat(linking(token("partner-user", "partner", ours.recipient()), ours.notice(), 100))
                .containsExactly(mine);
        assertThat(linking(token("researcher-user", "researcher", "no-such-organisation"), ours.notice(), 100))
                .isEmpty();
    }

    @Test
    void aFilterThatIsNoSlugIsABadRequest() {
        for (String bad : List.of("Not A Slug", "a".repeat(81), "trailing-")) {
            given().auth()
                    .oauth2(dpo())
                    .queryParam("linkedNotice", bad)
                    .when()
                    .get("/api/agreements")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(dpo())
                .queryParam("organisation", "Luton Council")
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/organisations/{slug}", "Not_a_slug")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(dpo())
                .queryParam("recipient", "x".repeat(81))
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
