package org.consentgov.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.consentgov.gateway.problem.Problems;
import org.consentgov.gateway.routing.Upstreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code /q/openapi}: the merged document of all services, fetched from each at request time (a few
 * seconds' cache), in JSON. A service that does not answer is left out and named in the description.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    public static final String TITLE = "Consent & data-sharing governance suite";
    public static final String VERSION = "0.1.0";

    private static final Logger LOG = Logger.getLogger(MergedOpenApiRoute.class);
    private static final long CACHE_NANOS = 5_000_000_000L;

    private final Upstreams upstreams;
    private final ObjectMapper json;
    private final String authServerUrl;
    private volatile String cached;
    private volatile long cachedAt;

    public MergedOpenApiRoute(
            Upstreams upstreams,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.upstreams = upstreams;
        this.json = json;
        this.authServerUrl = authServerUrl;
    }

    /**
     * The suite's document from the services' own, as {@code /q/openapi} serves it: merged by upstream name in name
     * order (agreements, consent, notice), with the realm's OpenID Connect discovery URL.
     */
    public static OpenApiMerger.Result merge(
            ObjectMapper json, Map<String, JsonNode> byUpstream, String authServerUrl) {
        return OpenApiMerger.merge(
                json,
                new TreeMap<>(byUpstream),
                TITLE,
                VERSION,
                authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    void install(@Observes Router router) {
        router.get("/q/openapi").order(0).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        String body = cached;
        if (body != null && System.nanoTime() - cachedAt < CACHE_NANOS) {
            rc.response().putHeader("Content-Type", "application/json").end(body);
            return;
        }
        List<String> names = new ArrayList<>(upstreams.all().keySet());
        names.sort(null);
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (String name : names) {
            fetches.add(fetch(upstreams.get(name)));
        }
        Future.join(new ArrayList<>(fetches)).onComplete(ignored -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonNode> f = fetches.get(i);
                if (f.succeeded()) {
                    documents.put(names.get(i), f.result());
                } else {
                    missing.add(names.get(i));
                }
            }
            OpenApiMerger.Result merged = merge(json, documents, authServerUrl);
            merged.conflicts().forEach(c -> LOG.warn("OpenAPI merge: " + c));
            if (!missing.isEmpty()) {
                merged.document().with("info").put("x-missing-services", String.join(", ", missing));
            }
            try {
                String out = json.writeValueAsString(merged.document());
                if (missing.isEmpty()) {
                    cached = out;
                    cachedAt = System.nanoTime();
                }
                rc.response().putHeader("Content-Type", "application/json").end(out);
            } catch (Exception e) {
                Problems.send(rc, 500, "Internal error", "internal-error", "The merged document could not be written");
            }
        });
    }

    private Future<JsonNode> fetch(Upstreams.Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.tls())
                .setURI("/q/openapi?format=json")
                .setIdleTimeout(5000);
        return upstream.client()
                .request(options)
                .compose(req -> req.send())
                .compose((HttpClientResponse res) -> res.statusCode() == 200
                        ? res.body()
                        : Future.failedFuture(upstream.name() + " answered " + res.statusCode()))
                .compose((Buffer body) -> {
                    try {
                        return Future.succeededFuture(json.readTree(body.getBytes()));
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                });
    }
}
