package org.consentgov.gateway.routing;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.consentgov.gateway.config.GatewayConfig;
import org.consentgov.gateway.console.ConsoleClient;

/**
 * Puts {@link SecurityHeaderPolicy}'s headers on every response when the request arrives (so the gateway's own
 * problems, a 401 of the token check, the merged OpenAPI document, health, Swagger UI, the console and CORS preflights carry
 * them), and again on a proxied answer once the service's headers are copied ({@link #replaceByUpstream} and
 * {@link #afterUpstream}). Not in a headers-end handler: one on every proxied response left an aborted-client
 * stream without its answer (GatewayTest#clientsAbortingMidRequestDoNotWedgeTheGateway hung).
 */
@ApplicationScoped
public class SecurityHeaders {

    private final SecurityHeaderPolicy policy;
    private final RouteTable table;

    public SecurityHeaders(GatewayConfig config) {
        String authServerUrl = config.console().realmUrl();
        GatewayConfig.SecurityHeaders headers = config.securityHeaders();
        this.policy = new SecurityHeaderPolicy(
                headers.contentSecurityPolicy(),
                headers.swaggerUiContentSecurityPolicy(),
                ConsoleClient.contentSecurityPolicy(headers.consoleContentSecurityPolicy(), authServerUrl),
                headers.hsts());
        this.table = new RouteTable(config.routes(), config.publicPaths());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onResponse);
    }

    void onResponse(RoutingContext rc) {
        apply(rc);
        rc.next();
    }

    /** Before a service's headers are copied: forget the gateway's defaults, so the service's own can stand. */
    public void replaceByUpstream(RoutingContext rc) {
        SecurityHeaderPolicy.remove(rc.response().headers());
    }

    /** After a service's headers are copied: the policy again, over what the service sent. */
    public void afterUpstream(RoutingContext rc) {
        apply(rc);
    }

    private void apply(RoutingContext rc) {
        String path = rc.request().path() == null ? "/" : rc.request().path();
        policy.apply(
                rc.response().headers(),
                path,
                table.isPublic(path),
                rc.request().isSSL());
    }
}
