package org.consentgov.e2e.support;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Notice steps that several tests need as their set-up, each through the gateway with the real roles. */
public final class Notices {

    private Notices() {}

    /** The editor drafts the notice, the DPO publishes its version 1; answers the published version. */
    public static JsonPath draftAndPublish(String slug, Map<String, Object> content) {
        Gateway.as("editor")
                .body(Map.of("slug", slug, "content", content))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        String etag = Gateway.as("dpo")
                .when()
                .get("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return Gateway.as("dpo")
                .header("If-Match", etag)
                .body(Map.of())
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .extract()
                .jsonPath();
    }

    /** The version in force as the public reads it (JSON), without a token. */
    public static JsonPath current(String slug) {
        return Gateway.anonymous()
                .accept("application/json")
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
