package org.consentgov.gateway.routing;

import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.consentgov.gateway.problem.Problems;
import org.consentgov.gateway.problem.RequestContextKeys;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One proxied exchange with an upstream: the client's request goes out with the forwarded headers, and the
 * upstream's answer streams back. The circuit breaker's permission, taken by the caller, is settled exactly
 * once, by the final outcome.
 *
 * <p>A request whose body is held here ({@code body} not null: an idempotent request, see {@link Retries}) is
 * sent once more when its pooled connection turns out closed before any of the answer arrived, on a connection
 * of its own; another client's abort, or an upstream closing an idle connection, then fails nobody. A streamed
 * body cannot be sent twice, so that request fails with 502 as before.
 *
 * <p>A client that goes away mid-request or mid-response resets the upstream request, so its connection is
 * closed rather than returned half-used to the pool; that is the client's doing, so it neither counts against
 * the upstream's circuit nor is retried.
 */
final class UpstreamCall {

    private static final Logger LOG = Logger.getLogger(UpstreamCall.class);

    private final RoutingContext rc;
    private final Upstreams.Upstream upstream;
    private final RequestOptions options;
    private final MultiMap headers;
    private final Buffer body;
    private final SecurityHeaders securityHeaders;
    private final long started = System.nanoTime();
    private final AtomicBoolean clientGone = new AtomicBoolean();
    private boolean retried;

    /**
     * @param headers what to send the upstream besides the method and URI
     * @param body the whole request body, held so that it can be sent again; null to stream it (no retry)
     */
    UpstreamCall(
            RoutingContext rc,
            Upstreams.Upstream upstream,
            RequestOptions options,
            MultiMap headers,
            Buffer body,
            SecurityHeaders securityHeaders) {
        this.rc = rc;
        this.upstream = upstream;
        this.options = options;
        this.headers = headers;
        this.body = body;
        this.securityHeaders = securityHeaders;
    }

    void start() {
        rc.response().closeHandler(v -> clientGone.set(true));
        send(upstream.client(), body != null);
    }

    private void send(HttpClient client, boolean mayRetry) {
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                rc.request().resume();
                if (mayRetry && !clientGone.get() && Retries.closedBeforeAnswer(ar.cause())) {
                    retry(ar.cause());
                } else {
                    finalFailure(ar.cause());
                }
                return;
            }
            forward(ar.result(), mayRetry);
        });
    }

    private void forward(HttpClientRequest outbound, boolean mayRetry) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        outbound.headers().addAll(headers);
        if (body == null
                && request.headers().contains("Transfer-Encoding")
                && !request.headers().contains("Content-Length")) {
            outbound.setChunked(true);
        }

        // the client went away: drop the upstream call instead of leaving its connection half-used
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
            if (ar.failed()) {
                if (clientGone.get()) {
                    upstream.breaker().releasePermission();
                } else if (mayRetry && Retries.closedBeforeAnswer(ar.cause())) {
                    retry(ar.cause());
                } else {
                    finalFailure(ar.cause());
                }
                return;
            }
            answer(outbound, ar.result());
        });

        if (body == null) {
            request.pipeTo(outbound).onFailure(e -> {
                clientGone.set(true);
                outbound.reset();
            });
        } else {
            // a failed write fails the response too, which decides what happens next
            if (body.length() == 0) {
                outbound.end();
            } else {
                outbound.end(body);
            }
        }
    }

    private void retry(Throwable cause) {
        retried = true;
        upstream.retries().increment();
        if (LOG.isDebugEnabled()) {
            MDC.put("requestId", rc.get(RequestContextKeys.REQUEST_ID));
            LOG.debugf(
                    "%s %s: the pooled connection to %s was closed before it answered (%s); sending it again",
                    rc.request().method(), rc.request().path(), upstream.name(), cause.toString());
        }
        send(upstream.retryClient(), false);
    }

    private void answer(HttpClientRequest outbound, HttpClientResponse inbound) {
        HttpServerResponse response = rc.response();
        long elapsed = System.nanoTime() - started;
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
    }

    private void finalFailure(Throwable cause) {
        upstream.breaker().onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, cause);
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        MDC.put("requestId", rc.get(RequestContextKeys.REQUEST_ID));
        LOG.warnf(
                "upstream %s failed for %s %s%s: %s",
                upstream.name(),
                rc.request().method(),
                rc.request().path(),
                retried ? " (sent twice)" : "",
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
}
