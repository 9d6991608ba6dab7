package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.api.ConsentViews.HistoryEntryView;
import org.consentgov.consent.api.ConsentViews.VerificationView;
import org.consentgov.consent.domain.ConsentQueries;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A record's evidence: its history and the check of its hash chain. */
@Path("/api/consents/{id}/history")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent records pinned to notice versions")
@SecurityRequirement(name = "jwt")
public class ConsentHistoryResource {

    private final ConsentQueries queries;

    public ConsentHistoryResource(ConsentQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.INTEGRATION, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getConsentHistory",
            summary = "A record's history",
            description = "Every state change, append-only and chained by SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "The history, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntryView.class),
                            examples =
                                    @ExampleObject(
                                            name = "history",
                                            summary = "Recorded, then withdrawn",
                                            value = """
            [{"seq": 1, "event": "RECORDED", "to": "ACTIVE", "actor": "caseworker", "at": "2026-03-03T14:05:00Z",
              "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
              "hash": "4b7e1f0c2a9d8e3f5c6b7a8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"},
             {"seq": 2, "event": "WITHDRAWN", "from": "ACTIVE", "to": "WITHDRAWN", "actor": "caseworker", "at": "2026-03-10T09:00:00Z",
              "reason": "changed their mind",
              "prevHash": "4b7e1f0c2a9d8e3f5c6b7a8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f",
              "hash": "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2"}]""")))
    @APIResponse(responseCode = "404", description = "No such record")
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return queries.history(id).stream().map(ConsentRecordMapper::view).toList();
    }

    @GET
    @Path("verify")
    @RolesAllowed({Roles.CASEWORKER, Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "verifyConsentHistory",
            summary = "Verify a record's hash chain",
            description = "Detects a changed, inserted or deleted history row.")
    @APIResponse(
            responseCode = "200",
            description = "The verification result",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "No such record")
    public VerificationView verify(@PathParam("id") UUID id) {
        return ConsentRecordMapper.view(queries.verify(id));
    }
}
