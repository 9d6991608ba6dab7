package org.consentgov.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.gateway.SecurityHeaderAssertions.isNotStored;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway built where Node.js or npm was missing has no console: a folder with the console's assets but no page
 * (console-without-page) stands for it. Every console path answers a 404 problem that says why.
 */
@QuarkusTest
@TestProfile(ConsoleNotBuiltTest.WithoutPage.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(AllUpstreamStubs.class)
class ConsoleNotBuiltTest {

    public static class WithoutPage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.console.dir", "src/test/resources/console-without-page");
        }
    }

    @Test
    void theConsoleAnswersA404ProblemSayingItWasNotBuiltAndWhy() {
        for (String path : List.of("/console/", "/console/children/9990000018", "/console/assets/app.js")) {
            Response page = given().when().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.contentType()).as(path).startsWith("application/problem+json");
            assertThat(page.jsonPath().getString("code")).isEqualTo("not-found");
            assertThat(page.jsonPath().getString("detail"))
                    .contains("console was not built")
                    .contains("Node.js 20+ and npm were not on the PATH");
            isNotStored(page);
            assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'; script-src 'self'");
        }
    }

    @Test
    void theRedirectAndConfigJsonStillAnswer() {
        assertThat(given().redirects().follow(false).when().get("/console").statusCode())
                .isEqualTo(301);
        assertThat(given().when().get("/console/config.json").jsonPath().getString("clientId"))
                .isEqualTo("governance-console");
    }
}
