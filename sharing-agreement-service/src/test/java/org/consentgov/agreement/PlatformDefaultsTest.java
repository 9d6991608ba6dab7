package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.consentgov.platform.testing.PostgresTestResource;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The defaults this service takes from the platform jar's META-INF/microprofile-config.properties, not from its
 * own application.properties, still apply, build-time ones included.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PlatformDefaultsTest {

    @Inject
    Config config;

    @Inject
    ObjectMapper mapper;

    @Test
    void theSharedDefaultsAreReadFromThePlatformJar() {
        assertThat(config.getValue("quarkus.hibernate-orm.schema-management.strategy", String.class))
                .isEqualTo("validate");
        assertThat(config.getValue("quarkus.flyway.locations", String.class)).isEqualTo("db/platform,db/migration");
        assertThat(config.getValue("quarkus.oidc.token.allow-opaque-token-introspection", Boolean.class))
                .isFalse();
        assertThat(config.getValue("platform.events.dispatch-interval", String.class))
                .isEqualTo("off");
        assertThat(config.getValue("quarkus.http.proxy.allow-x-forwarded", Boolean.class))
                .isTrue();
    }

    @Test
    void theBuildTimeJacksonSettingsTakeEffect() {
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isTrue();
        assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
                .isFalse();
    }

    @Test
    void theTestPortIsARandomOne() {
        assertThat(RestAssured.port).isPositive().isNotIn(8080, 8081, 8082, 8083);
    }

    @Test
    void theOpenApiDocumentNamesTheBearerScheme() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "components.securitySchemes.jwt.description",
                        org.hamcrest.Matchers.equalTo("Bearer access token from the governance realm (Keycloak)"))
                .body("info.version", org.hamcrest.Matchers.equalTo("0.1.0"));
    }
}
