package org.consentgov.notice.api;

import jakarta.ws.rs.Path;
import org.consentgov.platform.events.ChangeFeed;
import org.consentgov.platform.events.ChangeFeedResource;

/** The change feed of notice events; the operation is the platform's. */
@Path("/api/notices/changes")
public class NoticeChangeFeedResource extends ChangeFeedResource {

    public NoticeChangeFeedResource(ChangeFeed feed) {
        super(feed);
    }
}
