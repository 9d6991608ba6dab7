package org.consentgov.e2e.security;

import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import org.consentgov.e2e.support.Gateway;

/** Who asks: nobody, a demo user of the realm, or the EYES integration client. */
record Caller(String name, Supplier<RequestSpecification> requests) {

    static final Caller ANONYMOUS = new Caller("anonymous", Gateway::anonymous);
    static final Caller EYES_INTEGRATION = new Caller("eyes-integration", Gateway::asEyesIntegration);

    static Caller user(String name) {
        return new Caller(name, () -> Gateway.as(name));
    }

    RequestSpecification request() {
        return requests.get();
    }
}
