package org.consentgov.platform.server;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No HTTP/2 over cleartext (h2c) on the plain HTTP port of the gateway and of every service; HTTP/2 over TLS is
 * unchanged. A request that asks to be upgraded to h2c (the JDK's HttpClient does so by default) has its HTTP/1.1
 * body fed to an HTTP/2 stream with no flow control towards the client: Vert.x then holds the whole body in the
 * heap, however the application reads it. consent-service's {@code ConsentImportMemoryIT} found this with a 530 MB
 * import into a 64 MiB service, and the gateway streams bodies of up to 1 GiB. Without h2c the upgrade header is
 * ignored and the request stays HTTP/1.1, whose body is read only as fast as it is consumed. It lives here, not in
 * platform, because the gateway takes only this jar.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
