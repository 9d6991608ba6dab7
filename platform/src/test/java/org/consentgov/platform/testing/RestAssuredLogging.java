package org.consentgov.platform.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns on RestAssured's logging of the request and the response when an assertion on them fails, so that a red
 * test shows what was sent and answered without logging every green one. Register it with
 * {@code @ExtendWith(RestAssuredLogging.class)}; the test contracts and the split API tests carry it.
 */
public final class RestAssuredLogging implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
