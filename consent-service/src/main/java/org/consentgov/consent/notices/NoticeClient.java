package org.consentgov.consent.notices;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notice-service's public API: only published versions are there, and they never change. */
@RegisterRestClient(configKey = "notices")
@Path("/public/notices")
public interface NoticeClient {

    @GET
    @Path("{slug}/versions/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    PublishedNotice version(@PathParam("slug") String slug, @PathParam("number") int number);

    /** The version in force now; for the demo loader, which pins its records to whatever is published. */
    @GET
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    PublishedNotice current(@PathParam("slug") String slug);

    /** The version that was in force at an instant (404 when none was). */
    @GET
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    PublishedNotice inForceAt(@PathParam("slug") String slug, @QueryParam("at") Instant at);
}
