package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentDocuments;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A record as a signed consent receipt (compact JWS). */
@Path("/api/consents/{id}/receipt")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentReceiptResource {

    private final ConsentDocuments documents;
    private final ConsentDocumentRenderer renderer;

    public ConsentReceiptResource(ConsentDocuments documents, ConsentDocumentRenderer renderer) {
        this.documents = documents;
        this.renderer = renderer;
    }

    @GET
    @Produces(ConsentResource.JOSE)
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getConsentReceipt",
            summary = "A signed consent receipt",
            description =
                    "ISO/IEC TS 27560-style receipt as a compact JWS; verify it offline with /api/consents/receipts/jwks.json.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(mediaType = ConsentResource.JOSE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "503", description = "notice-service cannot answer")
    public Response receipt(@PathParam("id") UUID id) {
        return Response.ok(renderer.receipt(documents.receipt(id)), ConsentResource.JOSE)
                .build();
    }
}
