package org.consentgov.consent.notices;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notice-service's webhook subscriptions API (platform/WEBHOOKS.md), called with consent-service's own
 * client-credentials token (client {@code consent-service}, role integration, audience notice-service) from the
 * OIDC client. Answers are read as trees: only a few fields matter here.
 */
@RegisterRestClient(configKey = "notice-subscriptions")
@OidcClientFilter
@Path("/api/notices/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NoticeSubscriptionClient {

    record CreateSubscription(String targetUrl, List<String> eventTypes, String secret, String description) {}

    @GET
    JsonNode list(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    JsonNode create(CreateSubscription request);
}
