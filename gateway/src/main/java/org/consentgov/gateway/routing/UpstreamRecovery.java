package org.consentgov.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Closes an upstream's open circuit as soon as the upstream says it is ready again, once the open interval is over.
 *
 * <p>Left to itself the circuit half-opens on the first request after the interval and lets three trial calls
 * through; every other request meanwhile is answered 503, and trial calls that fail or time out (the first calls
 * to a service that has just started are slow) open it again. Tried as a new user would: calls made while
 * ./run was still starting sharing-agreement-service opened its circuit, and a minute after the service was ready
 * some calls were still answered "the agreements service is failing". Here, while a circuit is open or half-open,
 * the gateway asks the upstream's {@code /q/health/ready} every {@code health-interval}; the first 200 after the
 * open interval closes the circuit. Traffic therefore resumes within the open interval plus one health interval
 * of the upstream coming back, however slow its first answers (CircuitRecoveryTest). A closed circuit costs no
 * probes.
 */
@ApplicationScoped
public class UpstreamRecovery {

    private static final Logger LOG = Logger.getLogger(UpstreamRecovery.class);

    private final Upstreams upstreams;
    private final Vertx vertx;
    private final Map<String, Long> openedAt = new ConcurrentHashMap<>();
    private final List<Long> timers = new ArrayList<>();

    public UpstreamRecovery(Upstreams upstreams, Vertx vertx) {
        this.upstreams = upstreams;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        upstreams.all().values().forEach(upstream -> {
            upstream.breaker().getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(upstream.name(), System.nanoTime());
                }
            });
            timers.add(vertx.setPeriodic(upstream.config().healthInterval().toMillis(), id -> probeIfOpen(upstream)));
        });
    }

    void stop(@Observes ShutdownEvent stopping) {
        timers.forEach(vertx::cancelTimer);
    }

    private void probeIfOpen(Upstreams.Upstream upstream) {
        CircuitBreaker breaker = upstream.breaker();
        CircuitBreaker.State state = breaker.getState();
        if (state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.HALF_OPEN) {
            return;
        }
        long since = openedAt.getOrDefault(upstream.name(), 0L);
        if (System.nanoTime() - since < upstream.config().openFor().toNanos()) {
            return;
        }
        RequestOptions ready = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.tls())
                .setURI("/q/health/ready")
                .setIdleTimeout(Math.max(500, upstream.config().healthInterval().toMillis()));
        upstream.retryClient().request(ready).compose(request -> request.send()).onSuccess(response -> {
            response.body();
            CircuitBreaker.State now = breaker.getState();
            if (response.statusCode() == 200
                    && (now == CircuitBreaker.State.OPEN || now == CircuitBreaker.State.HALF_OPEN)) {
                breaker.transitionToClosedState();
                LOG.infof("%s answers ready again: its circuit is closed", upstream.name());
            }
        });
    }
}
