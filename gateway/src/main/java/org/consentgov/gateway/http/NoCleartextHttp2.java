package org.consentgov.gateway.http;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No HTTP/2 over cleartext (h2c) on the gateway's plain HTTP port (as in consent-service): a request that asks to
 * be upgraded to h2c has its HTTP/1.1 body fed to an HTTP/2 stream without flow control towards the client, and
 * Vert.x holds the whole body in the heap. The gateway streams bodies of up to 1 GiB (the consent import), so an
 * upgrade request must not make it buffer one. Without h2c the upgrade header is ignored and the request stays
 * HTTP/1.1, whose body is passed on only as fast as the service reads it. HTTP/2 over TLS is unchanged.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
