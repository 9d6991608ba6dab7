package org.consentgov.agreement.consent;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's check API: the consent in force at {@code at} (valid time) as consent-service had it recorded at
 * {@code knownAt} (recorded time; a consent-service that does not know the parameter answers as of now), called with this service's own client-credentials token (audience
 * consent-service, role integration) from the OIDC client.
 */
@RegisterRestClient(configKey = "consents")
@OidcClientFilter
@Path("/api/consents")
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentClient {

    @GET
    @Path("check")
    ConsentCheckResponse check(
            @QueryParam("subject") String subject,
            @QueryParam("notice") String notice,
            @QueryParam("purpose") String purpose,
            @QueryParam("at") String at,
            @QueryParam("knownAt") String knownAt);
}
