package org.consentgov.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One upstream for every route that closes the connection without answering the first time it sees a request for
 * a path under /public/close-once/, after reading all of it, and answers 200 every later time. It remembers each
 * request's body, in order, by method and path, so a test can tell how often and with what the gateway called it.
 * Other paths are answered at once (the gateway's start-up calls for health and OpenAPI documents).
 */
public class ClosingUpstream implements QuarkusTestResourceLifecycleManager {

    static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    List<String> bodies = SEEN.computeIfAbsent(
                            request.method() + " " + request.path(), k -> new CopyOnWriteArrayList<>());
                    bodies.add(body.toString());
                    if (request.path().startsWith("/public/close-once/") && bodies.size() == 1) {
                        request.connection().close();
                    } else {
                        request.response()
                                .putHeader("Content-Type", "application/json")
                                .end("{\"attempt\":" + bodies.size() + "}");
                    }
                }));
        int port;
        try {
            port = server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("the stub upstream did not start", e);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.of(
                "gateway.upstreams.notice.url", url,
                "gateway.upstreams.consent.url", url,
                "gateway.upstreams.agreements.url", url,
                "gateway.retry.max-buffered-body", "4K");
    }

    /** The bodies of every request for this method and path, in the order they came. */
    static List<String> seen(String method, String path) {
        return SEEN.getOrDefault(method + " " + path, List.of());
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
