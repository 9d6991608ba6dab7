package org.consentgov.platform.events.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.consentgov.platform.events.WebhookSecretRule;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Keeps a service subscribed to another service's events by webhook. Idempotent: the existing subscriptions
 * are read first and an active one for the same target URL and event type is kept, so restarts and replicas do
 * not multiply deliveries. {@link #keepSubscribed} runs off the start-up thread and retries every
 * {@link WebhookSubscriptionSettings#retryInterval()} until it succeeds, so the service starts even when the
 * publisher or Keycloak is not there yet. The secret must meet {@link WebhookSecretRule} (else nothing is
 * registered and an error is logged). It is never returned by the publisher: rotating it means rotating it at the
 * publisher ({@code secret-rotations} with the new value and an overlap), then restarting with the new value
 * within the overlap. The subscription is a system subscription, which the publisher lets no one else deactivate;
 * the publisher lists only the subscriptions this service's client owns.
 *
 * <p>A service produces a {@link Subscription} bean from its own settings; {@link SubscriptionsAtStartup} calls
 * {@link #keepSubscribed} for each at start-up, so a service that subscribes to nothing never creates this bean
 * (nor its REST client).
 */
@ApplicationScoped
public class EventSubscriber {

    private static final Logger LOG = Logger.getLogger(EventSubscriber.class);

    /** What one registration found. */
    public enum Result {
        CREATED,
        EXISTING
    }

    /**
     * One subscription: the settings, the event types asked for, and the description the publisher shows.
     * {@code name} names it in log lines, e.g. {@code notice events}.
     */
    public record Subscription(
            String name, WebhookSubscriptionSettings settings, List<String> eventTypes, String description) {
        public Subscription {
            eventTypes = List.copyOf(eventTypes);
        }
    }

    private final EventSubscriptionClient client;
    private final List<ScheduledExecutorService> timers = new ArrayList<>();

    public EventSubscriber(@RestClient EventSubscriptionClient client) {
        this.client = client;
    }

    /**
     * Registers the subscription in the background, retrying until the publisher accepts it; does nothing when
     * registration is off or no secret is set (then the receiver refuses every delivery).
     */
    public void keepSubscribed(Subscription subscription) {
        WebhookSubscriptionSettings settings = subscription.settings();
        if (!settings.register()) {
            LOG.infof("%s subscription: registration off", subscription.name());
            return;
        }
        if (settings.usableSecret().isEmpty()) {
            LOG.warnf(
                    "%s subscription: no secret is set; not subscribing, and the receiver refuses every delivery",
                    subscription.name());
            return;
        }
        if (!WebhookSecretRule.strong(settings.usableSecret().get())) {
            LOG.errorf(
                    "%s subscription: the secret is refused by the publisher's rule (%s); not subscribing, set a "
                            + "stronger one, e.g. the output of 'openssl rand -base64 32'",
                    subscription.name(), WebhookSecretRule.DESCRIPTION);
            return;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-subscription");
            t.setDaemon(true);
            return t;
        });
        synchronized (timers) {
            timers.add(timer);
        }
        timer.execute(() -> attempt(subscription, timer));
    }

    @PreDestroy
    void stop() {
        synchronized (timers) {
            timers.forEach(ScheduledExecutorService::shutdownNow);
        }
    }

    private void attempt(Subscription subscription, ScheduledExecutorService timer) {
        WebhookSubscriptionSettings settings = subscription.settings();
        try {
            Result result = subscribe(subscription);
            LOG.infof(
                    "%s subscription: %s for %s",
                    subscription.name(),
                    result == Result.CREATED ? "registered" : "already registered",
                    settings.targetUrl());
            timer.shutdown();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s subscription: the publisher did not accept it (%s); retrying in %s",
                    subscription.name(), e.toString(), settings.retryInterval());
            timer.schedule(
                    () -> attempt(subscription, timer), settings.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One registration: keep the active subscription for this target URL that has every event type asked for,
     * or create one.
     */
    public Result subscribe(Subscription subscription) {
        WebhookSubscriptionSettings settings = subscription.settings();
        String secret = settings.usableSecret()
                .orElseThrow(() -> new IllegalStateException(subscription.name() + ": no secret is set"));
        for (int page = 0; ; page++) {
            JsonNode answer = client.list(page, 100);
            for (JsonNode s : answer.path("items")) {
                if (s.path("active").asBoolean()
                        && settings.targetUrl().equals(s.path("targetUrl").asText())
                        && types(s).containsAll(subscription.eventTypes())) {
                    return Result.EXISTING;
                }
            }
            if (page + 1 >= answer.path("totalPages").asInt(0)) {
                break;
            }
        }
        client.create(new EventSubscriptionClient.CreateSubscription(
                settings.targetUrl(), subscription.eventTypes(), secret, subscription.description()));
        return Result.CREATED;
    }

    private static List<String> types(JsonNode subscription) {
        List<String> types = new ArrayList<>();
        subscription.path("eventTypes").forEach(t -> types.add(t.asText()));
        return types;
    }
}
