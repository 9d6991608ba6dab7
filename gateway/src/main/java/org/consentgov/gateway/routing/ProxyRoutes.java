package org.consentgov.gateway.routing;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.consentgov.gateway.config.GatewayConfig;
import org.consentgov.gateway.problem.Problems;
import org.consentgov.gateway.problem.RequestContextKeys;
import org.consentgov.gateway.ratelimit.ClientRateLimiter;
import org.consentgov.gateway.ratelimit.RateLimiter;
import org.consentgov.gateway.ratelimit.RedisRateLimiter;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The proxy: for /api/** and /public/** it picks the upstream by path, applies the client's rate limit
 * and the upstream's circuit breaker, and streams the request and the response through without
 * buffering them. Tokens are validated before this runs (Quarkus OIDC, with the permissions in
 * application.properties); the token is forwarded unchanged, because every service validates it again.
 *
 * <p>A client that goes away mid-request or mid-response resets the upstream request, so its connection
 * is closed rather than returned half-used to the pool; every upstream call has an idle timeout; the pool
 * and its wait queue are bounded. That is what keeps the gateway serving after clients abort. An idempotent
 * request with a small body (or none) is held whole instead of streamed, so that it can be sent once more when
 * its pooled connection turns out closed (UpstreamCall); large bodies, such as imports, stream as ever.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RouteTable table;
    private final Upstreams upstreams;
    private final RateLimiter limiter;
    private final Set<String> longRunningPaths;
    private final long longRunningTimeoutMillis;
    private final SecurityHeaders securityHeaders;
    private final long maxBufferedBody;

    public ProxyRoutes(GatewayConfig config, Upstreams upstreams, SecurityHeaders securityHeaders, Vertx vertx) {
        this.table = new RouteTable(config.routes(), config.publicPaths());
        this.upstreams = upstreams;
        this.limiter = limiter(config.rateLimit(), vertx);
        this.longRunningPaths = Set.copyOf(config.longRunningPaths());
        this.longRunningTimeoutMillis = config.longRunningTimeout().toMillis();
        this.securityHeaders = securityHeaders;
        this.maxBufferedBody = config.retry().maxBufferedBody().asLongValue();
    }

    /** The per-client limit: in this gateway's memory, or in the Redis all replicas share (README). */
    static RateLimiter limiter(GatewayConfig.RateLimit limit, Vertx vertx) {
        if (limit.store() == GatewayConfig.RateLimit.Store.REDIS) {
            return new RedisRateLimiter(
                    vertx,
                    limit.redisUrl(),
                    limit.redisKeyPrefix(),
                    limit.redisTimeout(),
                    limit.requestsPerPeriod(),
                    limit.period(),
                    limit.burst(),
                    limit.maxClients());
        }
        return new ClientRateLimiter(limit.requestsPerPeriod(), limit.period(), limit.burst(), limit.maxClients());
    }

    @PreDestroy
    void close() {
        limiter.close();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assignRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::securityFailure);
        router.routeWithRegex("/(api|public)(/.*)?").order(10).handler(this::proxy);
    }

    void assignRequestId(RoutingContext rc) {
        String offered = rc.request().getHeader("X-Request-Id");
        String id = offered != null && REQUEST_ID.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        rc.put(RequestContextKeys.REQUEST_ID, id);
        rc.response().putHeader("X-Request-Id", id);
        rc.next();
    }

    void securityFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            Problems.send(
                    rc,
                    401,
                    "Authentication required",
                    "unauthenticated",
                    "A valid bearer token is required",
                    Map.of("WWW-Authenticate", "Bearer"));
        } else if (failure instanceof ForbiddenException) {
            Problems.send(rc, 403, "Forbidden", "forbidden", "This token may not call this path");
        } else {
            rc.next();
        }
    }

    void proxy(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        Optional<RouteTable.Match> route = table.match(path);
        if (route.isEmpty()) {
            Problems.send(rc, 404, "Not Found", "not-found", "No service answers this path");
            return;
        }
        CompletableFuture<RateLimiter.Decision> decision = limiter.tryConsume(clientKey(rc));
        if (decision.isDone()) {
            // the buckets in memory: decided at once, on this event loop turn
            proceed(rc, path, route.get(), decision.join());
            return;
        }
        // the shared buckets in Redis: the body waits (paused) until the decision is back on this request's context
        request.pause();
        Context context = Vertx.currentContext();
        decision.whenComplete((allowed, failure) -> context.runOnContext(v -> {
            if (rc.response().ended() || rc.response().closed()) {
                return; // the client went away meanwhile
            }
            // a limiter that failed outright (its own fallback included) does not stop the traffic
            proceed(rc, path, route.get(), failure == null ? allowed : new RateLimiter.Decision(true, 0, 0));
        }));
    }

    private void proceed(RoutingContext rc, String path, RouteTable.Match route, RateLimiter.Decision allowed) {
        HttpServerRequest request = rc.request();
        if (!allowed.allowed()) {
            request.resume(); // paused while Redis decided: the refused body is not read
            Problems.send(
                    rc,
                    429,
                    "Too many requests",
                    "rate-limited",
                    "This client has sent too many requests; slow down and retry after the time given",
                    Map.of("Retry-After", Long.toString(allowed.retryAfterSeconds())));
            return;
        }
        if (!table.isPublic(path) && anonymous(rc)) {
            request.resume(); // paused while Redis decided: the refused body is not read
            Problems.send(
                    rc,
                    401,
                    "Authentication required",
                    "unauthenticated",
                    "A valid bearer token is required",
                    Map.of("WWW-Authenticate", "Bearer"));
            return;
        }
        Upstreams.Upstream upstream = upstreams.get(route.upstream());
        if (!upstream.breaker().tryAcquirePermission()) {
            request.resume(); // paused while Redis decided: the refused body is not read
            Problems.send(
                    rc,
                    503,
                    "Service unavailable",
                    "upstream-unavailable",
                    "The " + upstream.name() + " service is failing; the gateway is not sending it requests for now",
                    Map.of(
                            "Retry-After",
                            Long.toString(
                                    Math.max(1, upstream.config().openFor().toSeconds()))));
            return;
        }
        String traceparent = TraceContext.next(request.getHeader("traceparent"));
        rc.put(RequestContextKeys.TRACEPARENT, traceparent);
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.tls())
                .setURI(request.uri())
                .setIdleTimeout(
                        request.method() == HttpMethod.POST && longRunningPaths.contains(path)
                                ? longRunningTimeoutMillis
                                : upstream.config().requestTimeout().toMillis());
        MultiMap headers = forwardedHeaders(rc, traceparent);
        if (!Retries.idempotent(request) || !Retries.bodyFits(request, maxBufferedBody)) {
            new UpstreamCall(rc, upstream, options, headers, null, securityHeaders).start();
        } else if (request.isEnded()) {
            new UpstreamCall(rc, upstream, options, headers, Buffer.buffer(), securityHeaders).start();
        } else {
            // held (at most maxBufferedBody) so that it can be sent again on a closed connection; a client that
            // stalls mid-body is cut off after the upstream's timeout, as the upstream would have done
            long stalled = request.headers().contains("Content-Length")
                    ? rc.vertx().setTimer(upstream.config().requestTimeout().toMillis(), t -> {
                        Problems.send(
                                rc,
                                408,
                                "Request timeout",
                                "request-timeout",
                                "The request body did not arrive in time");
                        request.connection().close();
                    })
                    : -1;
            request.body().onComplete(body -> {
                if (stalled >= 0) {
                    rc.vertx().cancelTimer(stalled);
                }
                if (body.succeeded()) {
                    new UpstreamCall(rc, upstream, options, headers, body.result(), securityHeaders).start();
                } else {
                    // the client went away before sending all of it: nobody to answer
                    upstream.breaker().releasePermission();
                }
            });
            request.resume();
        }
    }

    /** The client's headers that may cross, and the ones the gateway sets itself. */
    private static MultiMap forwardedHeaders(RoutingContext rc, String traceparent) {
        HttpServerRequest request = rc.request();
        String connection = request.getHeader("Connection");
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(h -> {
            if (ForwardedHeaders.forwardRequestHeader(h.getKey(), connection)) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set("X-Request-Id", rc.<String>get(RequestContextKeys.REQUEST_ID));
        headers.set("traceparent", traceparent);
        headers.set(
                "X-Forwarded-For",
                request.remoteAddress() == null
                        ? "unknown"
                        : request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.host() != null) {
            headers.set("X-Forwarded-Host", request.host());
        }
        return headers;
    }

    private static boolean anonymous(RoutingContext rc) {
        return !(rc.user() instanceof QuarkusHttpUser user)
                || user.getSecurityIdentity().isAnonymous();
    }

    /** Rate limits are per authenticated client (OAuth client and subject), else per address. */
    private static String clientKey(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
                Object azp = jwt.getClaim("azp");
                return "client:" + (azp == null ? "" : azp) + ":" + jwt.getSubject();
            }
        }
        return "address:"
                + (rc.request().remoteAddress() == null
                        ? "unknown"
                        : rc.request().remoteAddress().hostAddress());
    }
}
