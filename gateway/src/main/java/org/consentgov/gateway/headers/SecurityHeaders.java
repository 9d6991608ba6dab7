package org.consentgov.gateway.headers;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.consentgov.gateway.config.GatewayConfig;
import org.consentgov.gateway.routing.RouteTable;

/**
 * Puts {@link SecurityHeaderPolicy}'s headers on every response, just before its head is written: a proxied
 * answer (after the service's headers are copied), a problem the gateway writes itself, a 401 of the token
 * check, the merged OpenAPI document, health, Swagger UI and CORS preflights alike.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final SecurityHeaderPolicy policy;
    private final RouteTable table;

    public SecurityHeaders(GatewayConfig config) {
        GatewayConfig.SecurityHeaders headers = config.securityHeaders();
        this.policy = new SecurityHeaderPolicy(
                headers.contentSecurityPolicy(), headers.swaggerUiContentSecurityPolicy(), headers.hsts());
        this.table = new RouteTable(config.routes(), config.publicPaths());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onResponse);
    }

    void onResponse(RoutingContext rc) {
        String path = rc.request().path() == null ? "/" : rc.request().path();
        boolean publicPath = table.isPublic(path);
        boolean secure = rc.request().isSSL();
        rc.addHeadersEndHandler(v -> policy.apply(rc.response().headers(), path, publicPath, secure));
        rc.next();
    }
}
