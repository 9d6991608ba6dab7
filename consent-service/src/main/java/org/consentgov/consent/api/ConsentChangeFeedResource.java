package org.consentgov.consent.api;

import jakarta.ws.rs.Path;
import org.consentgov.platform.events.ChangeFeed;
import org.consentgov.platform.events.ChangeFeedResource;

/** The change feed of consent events; the operation is the platform's. */
@Path("/api/consents/changes")
public class ConsentChangeFeedResource extends ChangeFeedResource {

    public ConsentChangeFeedResource(ChangeFeed feed) {
        super(feed);
    }
}
