package org.consentgov.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The defaults a service takes from the platform jar's META-INF/microprofile-config.properties, not from its own
 * application.properties, still apply in it, build-time ones included. A service's {@code @QuarkusTest} class
 * implements this interface to run these tests against itself.
 */
public interface PlatformDefaultsContract {

    @Test
    default void theSharedDefaultsAreReadFromThePlatformJar() {
        Config config = ConfigProvider.getConfig();
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
    default void theBuildTimeJacksonSettingsTakeEffect() {
        ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isTrue();
        assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
                .isFalse();
    }

    @Test
    default void theTestPortIsARandomOne() {
        assertThat(RestAssured.port).isPositive().isNotIn(8080, 8081, 8082, 8083);
    }

    @Test
    default void theOpenApiDocumentNamesTheBearerScheme() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "components.securitySchemes.jwt.description",
                        equalTo("Bearer access token from the governance realm (Keycloak)"))
                .body("info.version", equalTo("0.1.0"));
    }

    @Test
    default void everyAnswerCarriesTheSecurityHeadersAndApiAnswersAreNeverStored() {
        for (Response answer : new Response[] {
            given().when().get("/api/no-such-resource"),
            given().auth().oauth2("not-a-token").when().get("/api/no-such-resource"),
            given().when().get("/public/vocabulary"),
            given().when().get("/q/health")
        }) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        Response unknown = given().when().get("/api/no-such-resource");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().getValues("Cache-Control")).containsExactly("no-store");
        assertThat(unknown.headers().getValues("Content-Security-Policy"))
                .singleElement()
                .asString()
                .startsWith("default-src 'none';")
                .contains("frame-ancestors 'none'");
        Response vocabulary = given().when().get("/public/vocabulary");
        assertThat(vocabulary.headers().getValues("Cache-Control"))
                .as("public, cacheable")
                .singleElement()
                .asString()
                .contains("max-age=3600");
        assertThat(vocabulary.headers().getValues("Content-Security-Policy")).hasSize(1);
    }
}
