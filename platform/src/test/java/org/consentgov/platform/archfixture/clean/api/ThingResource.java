package org.consentgov.platform.archfixture.clean.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.consentgov.platform.archfixture.clean.domain.Things;

@Path("/things")
public class ThingResource {

    private final Things things;

    public ThingResource(Things things) {
        this.things = things;
    }

    @GET
    public ThingView get() {
        return new ThingView(things.get("1").id());
    }

    public record ThingView(String id) {}
}
