package org.consentgov.consent.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.consentgov.consent.receipts.ReceiptKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public key(s) that verify consent receipts offline. Public: anyone holding a receipt may check it. */
@Path("/api/consents/receipts/jwks.json")
@PermitAll
@Tag(name = "Consents")
public class ReceiptKeyResource {

    private final ReceiptKeys keys;

    public ReceiptKeyResource(ReceiptKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces("application/jwk-set+json")
    @Operation(operationId = "getReceiptKeys", summary = "The receipt verification keys (JWKS)")
    @APIResponse(responseCode = "200", description = "The public JWK set")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.publicJwks().toString()).cacheControl(cache).build();
    }
}
