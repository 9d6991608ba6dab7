package org.consentgov.gateway.routing;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.ConnectException;

/**
 * Which requests the gateway may send twice, and which failures call for it. Only a request that means the same
 * when repeated is retried: GET and HEAD, or a write that carries an {@code Idempotency-Key} (every service
 * answers a repeated key with the first answer). Only a connection closed before any of the answer arrived
 * calls for it: the upstream then did not answer, and may not even have read the request. Timeouts and refused
 * connections are not retried (the upstream is slow or down; a retry would only add load).
 */
final class Retries {

    private Retries() {}

    static boolean idempotent(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return true;
        }
        return (method == HttpMethod.POST
                        || method == HttpMethod.PUT
                        || method == HttpMethod.PATCH
                        || method == HttpMethod.DELETE)
                && request.headers().contains("Idempotency-Key");
    }

    /**
     * Whether the request's body can be held to be sent again: it has none, or its Content-Length is at most
     * {@code maxBytes}. A chunked body (no length known up front) streams.
     */
    static boolean bodyFits(HttpServerRequest request, long maxBytes) {
        String length = request.getHeader("Content-Length");
        if (request.headers().contains("Transfer-Encoding")) {
            return false;
        }
        if (length == null) {
            return true;
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes >= 0 && bytes <= maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether the upstream connection was closed (or reset) before any of the answer arrived. */
    static boolean closedBeforeAnswer(Throwable cause) {
        if (cause instanceof HttpClosedException) {
            return true;
        }
        if (cause instanceof IOException && !(cause instanceof ConnectException)) {
            String message = cause.getMessage();
            return message != null && (message.contains("Connection reset") || message.contains("Broken pipe"));
        }
        return false;
    }
}
