package org.consentgov.platform.events.subscription;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * A service's settings for one subscription to another service's events. A service's own {@code @ConfigMapping}
 * declares a group that extends this one (e.g. {@code consent.notice-events.*}), so the keys and environment
 * variables stay the service's while their meaning is the platform's.
 */
public interface WebhookSubscriptionSettings {

    /** Registers the webhook with the publishing service at start-up. */
    boolean register();

    /** The URL the publisher delivers events to (this service's receiver, as the publisher must call it). */
    String targetUrl();

    /** The shared HMAC secret deliveries are signed with; empty: no subscription, every delivery refused. */
    Optional<String> secret();

    /** How long to wait before registering again after a failure. */
    @WithDefault("30s")
    Duration retryInterval();

    /** The secret when one is set and not blank. */
    default Optional<String> usableSecret() {
        return secret().filter(s -> !s.isBlank());
    }
}
