package org.consentgov.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where each route goes, and the limits that keep the gateway healthy when an upstream is not. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name (notice, consent, agreements). */
    Map<String, Upstream> upstreams();

    /** Path prefixes and the upstream each goes to; the longest matching prefix wins. */
    Map<String, String> routes();

    /** Paths reachable without a token (exact paths or prefixes ending in '/'). */
    List<String> publicPaths();

    RateLimit rateLimit();

    /**
     * POST paths whose answer comes only once a long upload has been read and processed (the streamed consent
     * import answers when the whole file is recorded): the upstream's idle timeout would cut them off, so these
     * wait up to {@link #longRunningTimeout()} instead.
     */
    List<String> longRunningPaths();

    @WithDefault("1h")
    Duration longRunningTimeout();

    /**
     * Where to report a vulnerability in this deployment (e-mail addresses or mailto:/https: URIs), served in
     * /.well-known/security.txt; every deploying body sets its own.
     */
    Optional<List<String>> securityContact();

    /** A page with the deployment's disclosure policy, named in security.txt. */
    Optional<String> securityPolicy();

    /** The security headers on every response (SecurityHeaderPolicy says which goes where). */
    SecurityHeaders securityHeaders();

    /** The governance console served at /console/ (console/ConsoleRoute). */
    Console console();

    /** Sending an idempotent request again when its pooled connection turns out closed (routing/UpstreamCall). */
    Retry retry();

    interface Upstream {
        /** Base URL, e.g. http://localhost:8081. */
        String url();

        /** Time to open a connection. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for the upstream to start answering, and between chunks of its answer. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Connections kept per upstream: enough for the gateway's concurrency, never unbounded. */
        @WithDefault("64")
        int poolSize();

        /** Requests that may wait for a pooled connection before the gateway answers 503. */
        @WithDefault("512")
        int maxWaitQueue();

        /** Failure rate (percent) over the last calls that opens the circuit. */
        @WithDefault("50")
        int failureRateThreshold();

        /** How long an open circuit answers 503 at once before trying the upstream again. */
        @WithDefault("10s")
        Duration openFor();

        /**
         * How often the gateway asks the upstream's /q/health/ready while its circuit is open: once the open
         * interval is over, the first ready answer closes the circuit (routing/UpstreamRecovery).
         */
        @WithDefault("2s")
        Duration healthInterval();
    }

    interface Retry {
        /**
         * The largest body (by its Content-Length) an idempotent request may have for the gateway to hold it, so that
         * it can be sent again; larger bodies, and chunked ones, stream through as always and are never retried.
         */
        @WithDefault("1M")
        MemorySize maxBufferedBody();
    }

    interface RateLimit {
        /** Requests a client may make per period, after its burst. */
        @WithDefault("600")
        long requestsPerPeriod();

        @WithDefault("1m")
        Duration period();

        /** Requests a client may make at once. */
        @WithDefault("100")
        long burst();

        /** Clients tracked at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int maxClients();

        /**
         * Where the buckets live: {@code local}, this gateway's memory (one gateway), or {@code redis}, the Redis
         * at {@link #redisUrl()}, shared by every gateway that names it (several replicas).
         */
        @WithDefault("local")
        Store store();

        /** The shared Redis for {@code store=redis} (a secret when it holds a password). */
        @WithDefault("redis://127.0.0.1:6379")
        String redisUrl();

        /** What the buckets' keys in Redis start with (one deployment's gateways share it). */
        @WithDefault("gateway:rate-limit:")
        String redisKeyPrefix();

        /** How long a request waits for Redis before this gateway decides on its own buckets instead. */
        @WithDefault("250ms")
        Duration redisTimeout();

        enum Store {
            LOCAL,
            REDIS
        }
    }

    interface SecurityHeaders {
        /** The policy of every response that brings none of its own: load nothing, be framed by nobody. */
        @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String contentSecurityPolicy();

        /** Swagger UI's: its page runs inline script and fetches tokens from the realm. */
        String swaggerUiContentSecurityPolicy();

        /**
         * The console's (/console/): its own scripts, styles, fonts and images only, no inline code; it calls and
         * frames the realm for sign-in, whose origin (from quarkus.oidc.auth-server-url) fills in {realm-origin}.
         */
        String consoleContentSecurityPolicy();

        /** Strict-Transport-Security, sent when the gateway itself serves TLS. */
        @WithDefault("max-age=31536000")
        String hsts();
    }

    interface Console {
        /**
         * A folder holding a built console (index.html, assets/) to serve instead of the copy packaged in the
         * gateway's jar (classpath folder console/): for a developer rebuilding the console, and for tests.
         */
        Optional<String> dir();

        /** The realm's public client the console signs in with (authorization code + PKCE), in config.json. */
        @WithDefault("governance-console")
        String clientId();

        /**
         * The realm as browsers reach it, for config.json and the console's policy; application.properties defaults
         * it to the gateway's own {@code quarkus.oidc.auth-server-url} (a cluster sets the public one).
         */
        String realmUrl();
    }
}
