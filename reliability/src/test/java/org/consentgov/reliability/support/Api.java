package org.consentgov.reliability.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small JSON client for the services: one call, one {@link Reply}; no retries of its own. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Calls to a service with a user's token of that service's audience. */
    public static Api as(ServiceProcess service, String user, String role, String org) {
        return new Api(service.url(), OidcProvider.token(user, role, org, audienceOf(service.name())));
    }

    public static Api anonymous(ServiceProcess service) {
        return new Api(service.url(), null);
    }

    static String audienceOf(String service) {
        return service;
    }

    public Api header(String name, String value) {
        Api copy = new Api(baseUrl, token);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** A POST with a body already written, of the given media type (e.g. NDJSON). */
    public Reply postRaw(String path, String contentType, String body) {
        return header("Content-Type", contentType)
                .header("Accept", contentType + ", application/json;q=0.9, application/problem+json")
                .send("POST", path, new Raw(body));
    }

    private record Raw(String text) {}

    /** Sends the request; a connection that fails or is cut is an {@link UncheckedIOException}. */
    public Reply send(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            request.header("Accept", "application/json, application/problem+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body instanceof Raw raw) {
            request.method(method, HttpRequest.BodyPublishers.ofString(raw.text()));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        }
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One answer. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public boolean problem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }

        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
