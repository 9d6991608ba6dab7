package org.consentgov.consent.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.consentgov.consent.api.ReceiptKeyViews.KeyView;
import org.consentgov.consent.api.ReceiptKeyViews.KeysView;
import org.consentgov.consent.api.ReceiptKeyViews.RotationView;
import org.consentgov.consent.receipts.ReceiptKeyRotation;
import org.consentgov.consent.receipts.ReceiptKeyRotation.Rotation;
import org.consentgov.consent.receipts.ReceiptKeys;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The keys that sign consent receipts: the public JWKS anyone may fetch to verify a receipt offline, the keys' dates
 * for the DPO and auditors, and the DPO's on-demand rotation.
 */
@Path("/api/consents/receipts")
@Tag(name = "Receipts", description = "The keys that sign consent receipts and verify them offline")
public class ReceiptKeyResource {

    private static final String ROTATE = "POST /api/consents/receipts/key-rotations";

    private final ReceiptKeys keys;
    private final ReceiptKeyRotation rotation;
    private final IdempotentExecutor idempotency;
    private final Caller caller;

    public ReceiptKeyResource(
            ReceiptKeys keys, ReceiptKeyRotation rotation, IdempotentExecutor idempotency, Caller caller) {
        this.keys = keys;
        this.rotation = rotation;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Path("jwks.json")
    @PermitAll
    @Produces("application/jwk-set+json")
    @Operation(
            operationId = "getReceiptKeys",
            summary = "The receipt verification keys (JWKS)",
            description =
                    "The public keys that verify consent receipts offline (RFC 7517 JWK set): every key that ever signed one, the active one first; a receipt's JWS header names its key (kid). Public: anyone holding a receipt may check it. Fetch it again when a receipt names a kid you do not have.")
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
        cache.setMaxAge(60);
        return Response.ok(keys.publicJwks().toString()).cacheControl(cache).build();
    }

    @GET
    @Path("keys")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "listReceiptSigningKeys",
            summary = "The receipt signing keys and their dates",
            description =
                    "Every key ever used, the active one first: when it was made, activated and retired. Never a private key.")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content = @Content(schema = @Schema(implementation = KeysView.class)))
    @APIResponse(responseCode = "403", description = "Only the DPO and auditors")
    public KeysView list() {
        return new KeysView(keys.keys().stream()
                .map(k -> new KeyView(
                        k.kid(),
                        k.algorithm(),
                        k.origin(),
                        k.active() ? "ACTIVE" : "RETIRED",
                        k.createdAt(),
                        k.activatedAt(),
                        k.retiredAt()))
                .toList());
    }

    @POST
    @Path("key-rotations")
    @RolesAllowed(Roles.DPO)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(
            operationId = "rotateReceiptSigningKey",
            summary = "Rotate the receipt signing key now",
            description =
                    "Retires the active key and makes a new one that signs every receipt from now on, on every replica. The retired key stays in the JWKS, so receipts it signed keep verifying. Keys also rotate on a schedule (consent.receipts.rotation-period). No body.")
    @Parameter(name = IdempotentExecutor.HEADER, in = ParameterIn.HEADER)
    @APIResponse(
            responseCode = "201",
            description = "Rotated: the new key id",
            content = @Content(schema = @Schema(implementation = RotationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Only the DPO")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    public Response rotate(@HeaderParam(IdempotentExecutor.HEADER) String key) {
        return idempotency.execute(key, ROTATE, Map.of(), () -> {
            Rotation rotated = rotation.rotate(caller.name());
            return Response.status(Response.Status.CREATED)
                    .entity(new RotationView(rotated.kid(), rotated.previousKid(), rotated.activatedAt()))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        });
    }
}
