package org.consentgov.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem responses written by the gateway itself, with the same type URIs as the services:
 * the client cannot tell which hop answered, only what went wrong.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://consentgov.org/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    public static void send(
            RoutingContext rc, int status, String title, String code, String detail, Map<String, String> headers) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", rc.request().path());
        body.put("code", code);
        Object requestId = rc.get(RequestContextKeys.REQUEST_ID);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        headers.forEach(response::putHeader);
        try {
            response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            response.setStatusCode(status).end();
        }
    }

    public static void send(RoutingContext rc, int status, String title, String code, String detail) {
        send(rc, status, title, code, detail, Map.of());
    }
}
