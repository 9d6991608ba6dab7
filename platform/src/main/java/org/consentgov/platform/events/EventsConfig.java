package org.consentgov.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Configuration of the outbox dispatcher ({@code platform.events.*}). Every value has a default, so a service
 * that sets none still starts; see platform/WEBHOOKS.md for what each one changes.
 */
@ConfigMapping(prefix = "platform.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /notice-service}. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /**
     * How often each replica runs {@link Dispatcher#dispatchOnce()}, e.g. {@code 1s}; {@code off} stops the
     * schedule (tests drive the dispatcher themselves). Read by the {@code @Scheduled} expression.
     */
    @WithDefault("1s")
    String dispatchInterval();

    /** Events sequenced and deliveries claimed per batch. */
    @WithDefault("100")
    int batchSize();

    /** Failed attempts after which a delivery is PARKED until someone redelivers it. */
    @WithDefault("12")
    int maxAttempts();

    /** The first retry waits up to this long; each further one doubles the ceiling (full jitter). */
    @WithDefault("10s")
    Duration backoffBase();

    /**
     * The ceiling of the wait between two attempts. With the defaults, the 12 attempts of a delivery span
     * about 3 hours on average and at most about 5¾ hours before it is parked.
     */
    @WithDefault("6h")
    Duration backoffCap();

    /**
     * How long a claimed delivery stays reserved for the dispatcher that claimed it; must exceed connect
     * plus request timeout. A dispatcher that dies while sending frees its deliveries when the lease ends.
     */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * Hosts webhook targets may use although they are plain http or resolve to a loopback, private, link-local
     * or other non-public address: {@code host} (any port) or {@code host:port}, comma-separated, e.g. the
     * suite's own services. Everything else must be https to a public address (platform/WEBHOOKS.md).
     */
    Optional<List<String>> targetAllowList();

    /**
     * The client ids of the suite's own services: a subscription one of them creates is a system subscription
     * that only that service can deactivate.
     */
    @WithDefault("consent-service,sharing-agreement-service,notice-service")
    List<String> systemClients();
}
