package org.consentgov.consent.notices;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.consentgov.consent.config.ConsentConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Registers, at start-up, consent-service's webhook for {@code org.consentgov.notice.material-change} at
 * notice-service (see {@link org.consentgov.consent.api.NoticeEventResource} for why a webhook). Idempotent:
 * the existing subscriptions are read first and an active one for the same target URL and type is kept, so
 * restarts and replicas do not multiply deliveries. Runs off the start-up thread and retries every
 * {@code consent.notice-events.retry-interval} until it succeeds, so consent-service starts even when
 * notice-service or Keycloak is not there yet. The secret is never returned by notice-service: rotating it means
 * deactivating the old subscription (DELETE) and restarting.
 */
@ApplicationScoped
public class NoticeEventSubscription {

    public static final String MATERIAL_CHANGE = "org.consentgov.notice.material-change";
    private static final Logger LOG = Logger.getLogger(NoticeEventSubscription.class);

    public enum Result {
        CREATED,
        EXISTING
    }

    private final NoticeSubscriptionClient client;
    private final boolean enabled;
    private final String targetUrl;
    private final Optional<String> secret;
    private final Duration retryInterval;
    private ScheduledExecutorService timer;

    public NoticeEventSubscription(@RestClient NoticeSubscriptionClient client, ConsentConfig config) {
        this.client = client;
        this.enabled = config.noticeEvents().register();
        this.targetUrl = config.noticeEvents().targetUrl();
        this.secret = config.noticeEvents().secret().filter(s -> !s.isBlank());
        this.retryInterval = config.noticeEvents().retryInterval();
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            LOG.info("notice event subscription: registration off (consent.notice-events.register=false)");
            return;
        }
        if (secret.isEmpty()) {
            LOG.warn("notice event subscription: CONSENT_NOTICE_EVENTS_SECRET is not set; not subscribing, and the "
                    + "receiver refuses every delivery");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notice-event-subscription");
            t.setDaemon(true);
            return t;
        });
        timer.execute(this::attempt);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void attempt() {
        try {
            Result result = register();
            LOG.infof(
                    "notice event subscription: %s for %s at notice-service",
                    result == Result.CREATED ? "registered" : "already registered", targetUrl);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "notice event subscription: notice-service did not accept it (%s); retrying in %s",
                    e.toString(), retryInterval);
            timer.schedule(this::attempt, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One registration: keep the active subscription for this target URL and type, or create it. */
    public Result register() {
        String key = secret.orElseThrow(() -> new IllegalStateException("consent.notice-events.secret is not set"));
        for (int page = 0; ; page++) {
            JsonNode answer = client.list(page, 100);
            for (JsonNode s : answer.path("items")) {
                if (s.path("active").asBoolean()
                        && targetUrl.equals(s.path("targetUrl").asText())) {
                    for (JsonNode type : s.path("eventTypes")) {
                        if (MATERIAL_CHANGE.equals(type.asText())) {
                            return Result.EXISTING;
                        }
                    }
                }
            }
            if (page + 1 >= answer.path("totalPages").asInt(0)) {
                break;
            }
        }
        client.create(new NoticeSubscriptionClient.CreateSubscription(
                targetUrl,
                List.of(MATERIAL_CHANGE),
                key,
                "consent-service: flag consents pinned to older versions for re-consent"));
        return Result.CREATED;
    }
}
