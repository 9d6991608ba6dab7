package org.consentgov.agreement.api;

import jakarta.ws.rs.Path;
import org.consentgov.platform.events.ChangeFeed;
import org.consentgov.platform.events.ChangeFeedResource;

/** The change feed of agreement and disclosure events; the operation is the platform's. */
@Path("/api/agreements/changes")
public class AgreementChangeFeedResource extends ChangeFeedResource {

    public AgreementChangeFeedResource(ChangeFeed feed) {
        super(feed);
    }
}
