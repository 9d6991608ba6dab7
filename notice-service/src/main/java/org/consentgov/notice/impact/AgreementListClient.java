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
 * sharing-agreement-service's list of the agreements that link a notice ({@code GET /api/agreements?linkedNotice=}),
 * a page at a time, called with notice-service's own client-credentials token (client {@code notice-service}, role
 * integration, audience sharing-agreement-service), which sees every organisation's agreements.
 */
@RegisterRestClient(configKey = "agreements")
@OidcClientFilter
@Path("/api/agreements")
@Produces(MediaType.APPLICATION_JSON)
public interface AgreementListClient {

    @GET
    JsonNode linking(
            @QueryParam("linkedNotice") String notice, @QueryParam("page") int page, @QueryParam("size") int size);
}
