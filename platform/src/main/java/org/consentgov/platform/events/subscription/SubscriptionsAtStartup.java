package org.consentgov.platform.events.subscription;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Starts keeping every {@link EventSubscriber.Subscription} bean a service produces subscribed. A service that
 * produces none (notice-service) never creates the subscriber nor its REST client.
 */
@ApplicationScoped
public class SubscriptionsAtStartup {

    void onStart(
            @Observes StartupEvent start,
            Instance<EventSubscriber.Subscription> subscriptions,
            Instance<EventSubscriber> subscriber) {
        for (EventSubscriber.Subscription subscription : subscriptions) {
            subscriber.get().keepSubscribed(subscription);
        }
    }
}
