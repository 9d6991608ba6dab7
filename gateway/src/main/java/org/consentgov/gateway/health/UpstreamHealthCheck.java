package org.consentgov.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.consentgov.gateway.routing.Upstreams;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Each upstream's readiness, as seen from the gateway, in {@code /q/health} (wellness group). The gateway's
 * own readiness does not depend on it: with one service down the gateway still routes to the others and
 * answers for the missing one with a 503 problem.
 */
@Wellness
@ApplicationScoped
public class UpstreamHealthCheck implements AsyncHealthCheck {

    private final Upstreams upstreams;

    public UpstreamHealthCheck(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Object[]>> checks = new ArrayList<>();
        List<String> names = new ArrayList<>(upstreams.all().keySet());
        names.sort(null);
        for (String name : names) {
            Upstreams.Upstream upstream = upstreams.get(name);
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setHost(upstream.host())
                    .setPort(upstream.port())
                    .setSsl(upstream.tls())
                    .setURI("/q/health/ready")
                    .setIdleTimeout(2000);
            checks.add(Uni.createFrom()
                    .completionStage(() -> upstream.client()
                            .request(options)
                            .compose(r -> r.send())
                            .map(r ->
                                    new Object[] {name, r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ")"})
                            .otherwise(e ->
                                    new Object[] {name, "DOWN (" + e.getClass().getSimpleName() + ")"})
                            .toCompletionStage()));
        }
        return Uni.join().all(checks).andFailFast().map(results -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
            boolean up = true;
            for (Object[] r : results) {
                builder.withData((String) r[0], (String) r[1]);
                up &= "UP".equals(r[1]);
            }
            return builder.status(up).build();
        });
    }
}
