package org.consentgov.gateway.wellknown;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.consentgov.gateway.config.GatewayConfig;
import org.consentgov.gateway.problem.Problems;

/** Serves {@link SecurityTxt} at {@code /.well-known/security.txt}, or a 404 problem when no contact is set. */
@ApplicationScoped
public class SecurityTxtRoute {

    private final List<String> contacts;
    private final Optional<String> policy;
    private final Clock clock = Clock.systemUTC();

    public SecurityTxtRoute(GatewayConfig config) {
        this.contacts = config.securityContact().orElse(List.of());
        this.policy = config.securityPolicy();
    }

    void install(@Observes Router router) {
        router.get("/.well-known/security.txt").order(0).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        Optional<String> text = SecurityTxt.render(contacts, policy, clock.instant());
        if (text.isEmpty()) {
            Problems.send(rc, 404, "Not Found", "not-found", "This deployment has not configured a security contact");
            return;
        }
        rc.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(text.get());
    }
}
