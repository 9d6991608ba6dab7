package org.consentgov.gateway.routing;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.consentgov.gateway.config.GatewayConfig;
import org.consentgov.gateway.problem.Problems;
import org.consentgov.gateway.problem.RequestContextKeys;
import org.consentgov.gateway.ratelimit.ClientRateLimiter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The proxy: for /api/** and /public/** it picks the upstream by path, applies the client's rate limit
 * and the upstream's circuit breaker, and streams the request and the response through without
 * buffering them. Tokens are validated before this runs (Quarkus OIDC, with the permissions in
 * application.properties); the token is forwarded unchanged, because every service validates it again.
 *
 * <p>A client that goes away mid-request or mid-response resets the upstream request, so its connection
 * is closed rather than returned half-used to the pool; every upstream call has an idle timeout; the pool
 * and its wait queue are bounded. That is what keeps the gateway serving after clients abort.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RouteTable table;
    private final Upstreams upstreams;
    private final ClientRateLimiter limiter;
    private final Set<String> longRunningPaths;
    private final long longRunningTimeoutMillis;
    private final SecurityHeaders securityHeaders;

    public ProxyRoutes(GatewayConfig config, Upstreams upstreams, SecurityHeaders securityHeaders) {
        this.table = new RouteTable(config.routes(), config.publicPaths());
        this.upstreams = upstreams;
        GatewayConfig.RateLimit limit = config.rateLimit();
        this.limiter =
                new ClientRateLimiter(limit.requestsPerPeriod(), limit.period(), limit.burst(), limit.maxClients());
        this.longRunningPaths = Set.copyOf(config.longRunningPaths());
        this.longRunningTimeoutMillis = config.longRunningTimeout().toMillis();
        this.securityHeaders = securityHeaders;
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
        ClientRateLimiter.Decision allowed = limiter.tryConsume(clientKey(rc));
        if (!allowed.allowed()) {
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
            Problems.send(
                    rc,
                    401,
                    "Authentication required",
                    "unauthenticated",
                    "A valid bearer token is required",
                    Map.of("WWW-Authenticate", "Bearer"));
            return;
        }
        Upstreams.Upstream upstream = upstreams.get(route.get().upstream());
        if (!upstream.breaker().tryAcquirePermission()) {
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
        long started = System.nanoTime();
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
        AtomicBoolean clientGone = new AtomicBoolean();
        rc.response().closeHandler(v -> clientGone.set(true));
        upstream.client().request(options).onComplete(ar -> {
            if (ar.failed()) {
                request.resume();
                upstream.breaker().onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ar.cause());
                upstreamFailure(rc, upstream, ar.cause());
                return;
            }
            forward(rc, upstream, ar.result(), traceparent, started, clientGone);
        });
    }

    private void forward(
            RoutingContext rc,
            Upstreams.Upstream upstream,
            HttpClientRequest outbound,
            String traceparent,
            long started,
            AtomicBoolean clientGone) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String connection = request.getHeader("Connection");
        MultiMap headers = outbound.headers();
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
        if (request.headers().contains("Transfer-Encoding")
                && !request.headers().contains("Content-Length")) {
            outbound.setChunked(true);
        }

        // the client went away: drop the upstream call instead of leaving its connection half-used;
        // that is the client's doing, so it does not count against the upstream's circuit
        if (clientGone.get()) {
            outbound.reset();
        }
        response.closeHandler(v -> {
            clientGone.set(true);
            outbound.reset();
        });
        request.exceptionHandler(e -> {
            clientGone.set(true);
            outbound.reset();
        });

        outbound.response().onComplete((AsyncResult<HttpClientResponse> ar) -> {
            long elapsed = System.nanoTime() - started;
            if (ar.failed()) {
                if (clientGone.get()) {
                    upstream.breaker().releasePermission();
                    return;
                }
                upstream.breaker().onError(elapsed, TimeUnit.NANOSECONDS, ar.cause());
                upstreamFailure(rc, upstream, ar.cause());
                return;
            }
            HttpClientResponse inbound = ar.result();
            if (inbound.statusCode() >= 500) {
                upstream.breaker()
                        .onError(
                                elapsed,
                                TimeUnit.NANOSECONDS,
                                new IllegalStateException(upstream.name() + " answered " + inbound.statusCode()));
            } else {
                upstream.breaker().onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            if (response.closed()) {
                outbound.reset();
                return;
            }
            response.setStatusCode(inbound.statusCode());
            String upstreamConnection = inbound.getHeader("Connection");
            securityHeaders.replaceByUpstream(rc);
            inbound.headers().forEach(h -> {
                if (ForwardedHeaders.forwardResponseHeader(h.getKey(), upstreamConnection)
                        && !h.getKey().equalsIgnoreCase("X-Request-Id")) {
                    response.headers().add(h.getKey(), h.getValue());
                }
            });
            securityHeaders.afterUpstream(rc);
            if (!inbound.headers().contains("Content-Length")) {
                response.setChunked(true);
            }
            inbound.pipeTo(response).onFailure(e -> outbound.reset());
        });

        request.pipeTo(outbound).onFailure(e -> {
            clientGone.set(true);
            outbound.reset();
        });
    }

    private static boolean anonymous(RoutingContext rc) {
        return !(rc.user() instanceof QuarkusHttpUser user)
                || user.getSecurityIdentity().isAnonymous();
    }

    private static void upstreamFailure(RoutingContext rc, Upstreams.Upstream upstream, Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        MDC.put("requestId", rc.get(RequestContextKeys.REQUEST_ID));
        LOG.warnf(
                "upstream %s failed for %s %s: %s",
                upstream.name(),
                rc.request().method(),
                rc.request().path(),
                cause.getClass().getSimpleName() + " " + message);
        if (rc.response().closed()) {
            return;
        }
        if (cause.getClass().getSimpleName().contains("Timeout") || message.contains("timeout period")) {
            Problems.send(
                    rc,
                    504,
                    "Gateway timeout",
                    "upstream-timeout",
                    "The " + upstream.name() + " service did not answer in time");
        } else if (cause instanceof ConnectException
                || message.contains("Connection refused")
                || message.contains("max wait queue")) {
            Problems.send(
                    rc,
                    503,
                    "Service unavailable",
                    "upstream-unavailable",
                    "The " + upstream.name() + " service cannot be reached; retry later",
                    Map.of("Retry-After", "5"));
        } else {
            Problems.send(
                    rc, 502, "Bad gateway", "bad-gateway", "The " + upstream.name() + " service broke off its answer");
        }
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
