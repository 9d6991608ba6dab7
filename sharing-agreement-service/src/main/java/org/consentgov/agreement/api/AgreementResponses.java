package org.consentgov.agreement.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.platform.http.ETags;

/** The responses the agreement resources share: an agreement with its ETag, and where it lives. */
final class AgreementResponses {

    private AgreementResponses() {}

    static Response ok(AgreementView view) {
        return Response.ok(view, MediaType.APPLICATION_JSON)
                .tag(ETags.of(view.rowVersion()))
                .build();
    }

    static URI location(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/agreements/{id}").build(id);
    }

    static URI versionUri(UriInfo uri, UUID id, int number) {
        return uri.getBaseUriBuilder()
                .path("api/agreements/{id}/versions/{number}")
                .build(id, number);
    }
}
