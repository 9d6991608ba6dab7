package org.consentgov.platform.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.consentgov.platform.events.WebhookViews.ChangeFeedView;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The change feed of a service, for pollers that cannot take webhooks. Each service subclasses it with its own
 * {@code @Path} (e.g. {@code /api/notices/changes}). HTTP only.
 */
public abstract class ChangeFeedResource {

    private final ChangeFeed feed;

    protected ChangeFeedResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.INTEGRATION, Roles.AUDITOR})
    @Tag(name = "Change feed", description = "Every event of a service in order, for pollers that cannot take webhooks")
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "listChanges",
            summary = "Read the events after a position",
            description =
                    "Oldest first, as CloudEvents 1.0 with a position each. Keep next and send it as after= on the next "
                            + "call: no event is skipped or repeated. Events appear within about a second of their commit.")
    @APIResponse(
            responseCode = "200",
            description = "The events after the position",
            content = @Content(schema = @Schema(implementation = ChangeFeedView.class)))
    @APIResponse(responseCode = "400", description = "Negative position or limit out of range")
    public ChangeFeedView changes(
            @Parameter(description = "The position of the last event already read; 0 for the beginning")
                    @QueryParam("after")
                    @DefaultValue("0")
                    @Min(0)
                    long after,
            @Parameter(description = "At most this many events, up to 500")
                    @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(1)
                    @Max(ChangeFeed.MAX_LIMIT)
                    int limit) {
        return feed.after(after, limit);
    }
}
