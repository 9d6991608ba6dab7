package org.consentgov.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.consentgov.gateway.config.GatewayConfig;

/**
 * One HTTP client per upstream, with a bounded connection pool and a bounded wait queue, and one circuit
 * breaker per upstream. A leaked or unbounded pool is what wedges a naive proxy; here a full queue or an
 * open circuit is answered at once with 503.
 *
 * <p>Each upstream also has a client without keep-alive, for the one retry of an idempotent request whose
 * pooled connection turned out closed (UpstreamCall): every request it sends goes on a connection of its own,
 * so the retry can never meet another closed one. It is counted in {@code gateway.upstream.retries}.
 */
@ApplicationScoped
public class Upstreams {

    public record Upstream(
            String name,
            String host,
            int port,
            boolean tls,
            HttpClient client,
            HttpClient retryClient,
            Counter retries,
            CircuitBreaker breaker,
            GatewayConfig.Upstream config) {}

    private final Map<String, Upstream> upstreams = new HashMap<>();

    public Upstreams(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        config.upstreams().forEach((name, upstream) -> {
            URI uri = URI.create(upstream.url());
            boolean tls = "https".equals(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
            HttpClientOptions options = new HttpClientOptions()
                    .setDefaultHost(uri.getHost())
                    .setDefaultPort(port)
                    .setSsl(tls)
                    .setKeepAlive(true)
                    .setKeepAliveTimeout(30)
                    .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                    .setTcpNoDelay(true)
                    .setName("upstream-" + name);
            PoolOptions pool =
                    new PoolOptions().setHttp1MaxSize(upstream.poolSize()).setMaxWaitQueueSize(upstream.maxWaitQueue());
            CircuitBreaker breaker = CircuitBreaker.of(
                    name,
                    CircuitBreakerConfig.custom()
                            .failureRateThreshold(upstream.failureRateThreshold())
                            .slidingWindowSize(20)
                            .minimumNumberOfCalls(10)
                            .waitDurationInOpenState(upstream.openFor())
                            .permittedNumberOfCallsInHalfOpenState(3)
                            .automaticTransitionFromOpenToHalfOpenEnabled(false)
                            .build());
            HttpClientOptions retryOptions =
                    new HttpClientOptions(options).setKeepAlive(false).setName("upstream-" + name + "-retry");
            Counter retries = Counter.builder("gateway.upstream.retries")
                    .description("Idempotent requests sent again because their pooled connection was closed")
                    .tag("upstream", name)
                    .register(registry);
            upstreams.put(
                    name,
                    new Upstream(
                            name,
                            uri.getHost(),
                            port,
                            tls,
                            vertx.createHttpClient(options, pool),
                            vertx.createHttpClient(retryOptions, new PoolOptions(pool)),
                            retries,
                            breaker,
                            upstream));
        });
    }

    public Upstream get(String name) {
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            throw new IllegalStateException("route names unknown upstream " + name);
        }
        return upstream;
    }

    public Map<String, Upstream> all() {
        return Map.copyOf(upstreams);
    }

    public static Duration timeout(Upstream upstream) {
        return upstream.config().requestTimeout();
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(u -> {
            u.client().close();
            u.retryClient().close();
        });
    }
}
