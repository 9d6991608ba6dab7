package org.consentgov.notice.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.domain.VersionDetails;
import org.consentgov.platform.http.ETags;

/** A version as a response: its view, with its ETag, and for a new one its Location. */
final class VersionResponses {

    private VersionResponses() {}

    static Response ok(VersionDetails version) {
        return respond(Response.ok(), NoticeMapper.version(version));
    }

    static Response created(UriInfo uri, VersionDetails version) {
        NoticeVersionView view = NoticeMapper.version(version);
        return respond(
                Response.created(uri.getBaseUriBuilder()
                        .path("api/notices/{slug}/versions/{number}")
                        .build(view.slug(), view.number())),
                view);
    }

    private static Response respond(Response.ResponseBuilder builder, NoticeVersionView version) {
        return builder.entity(version)
                .tag(ETags.of(version.rowVersion()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
