package org.consentgov.platform.events.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The publishing service's webhook subscriptions API (platform/WEBHOOKS.md), called with the subscribing
 * service's own client-credentials token from its OIDC client. The URL is the subscriptions collection itself,
 * {@code quarkus.rest-client.event-subscriptions.url}, e.g. {@code http://localhost:8081/api/notices/subscriptions}.
 * Answers are read as trees: only a few fields matter here.
 */
@RegisterRestClient(configKey = "event-subscriptions")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EventSubscriptionClient {

    record CreateSubscription(String targetUrl, List<String> eventTypes, String secret, String description) {}

    @GET
    JsonNode list(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    JsonNode create(CreateSubscription request);
}
