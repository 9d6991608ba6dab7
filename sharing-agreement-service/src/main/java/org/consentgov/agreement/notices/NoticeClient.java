package org.consentgov.agreement.notices;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notice-service's public API: only published versions are there. No token is needed. */
@RegisterRestClient(configKey = "notices")
@Path("/public/notices")
@Produces(MediaType.APPLICATION_JSON)
public interface NoticeClient {

    @GET
    List<NoticeSummary> published();

    @GET
    @Path("{slug}")
    PublishedNotice current(@PathParam("slug") String slug);

    /** The version in force at the instant (404 when none was); asked without waiting, beside consent-service. */
    @GET
    @Path("{slug}")
    CompletionStage<NoticeInForce> inForceAt(@PathParam("slug") String slug, @QueryParam("at") String at);

    @GET
    @Path("{slug}/versions/{number}")
    PublishedNotice version(@PathParam("slug") String slug, @PathParam("number") int number);
}
