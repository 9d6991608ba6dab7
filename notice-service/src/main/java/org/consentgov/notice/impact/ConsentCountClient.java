package org.consentgov.notice.impact;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's count of ACTIVE consents pinned to older versions of a notice, called with notice-service's own
 * client-credentials token (client {@code notice-service}, role integration, audience consent-service).
 */
@RegisterRestClient(configKey = "consents")
@OidcClientFilter
@Path("/api/consents/pinned")
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentCountClient {

    @GET
    JsonNode pinned(@QueryParam("notice") String notice, @QueryParam("beforeVersion") int beforeVersion);
}
