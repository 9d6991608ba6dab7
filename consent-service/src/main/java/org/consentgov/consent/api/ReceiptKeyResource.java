package org.consentgov.consent.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.consentgov.consent.receipts.ReceiptKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Operation(
            operationId = "getReceiptKeys",
            summary = "The receipt verification keys (JWKS)",
            description =
                    "The public keys that verify consent receipts offline (RFC 7517 JWK set). Public: anyone holding a receipt may check it.")
    @APIResponse(
            responseCode = "200",
            description = "The public JWK set",
            content =
                    @Content(
                            mediaType = "application/jwk-set+json",
                            schema = @Schema(type = SchemaType.OBJECT, description = "A JWK set (RFC 7517)"),
                            examples = @ExampleObject(name = "jwks", summary = "One ES256 key", value = """
            {"keys": [{"kty": "EC", "crv": "P-256", "kid": "receipts-2026-01", "use": "sig", "alg": "ES256",
              "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""")))
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.publicJwks().toString()).cacheControl(cache).build();
    }
}
