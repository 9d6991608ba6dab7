package org.consentgov.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.consentgov.consent.domain.SubjectAccessQueries;
import org.consentgov.platform.access.AccessLogEntryView;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who read a subject's personal data: for the DPO answering a subject access request, and for auditors. */
@Path("/api/subjects/{id}/access-log")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subjects",
        description = "Children and young people the consents are about: identifiers and date of birth, no names")
@SecurityRequirement(name = "jwt")
public class SubjectAccessLogResource {

    private final SubjectAccessQueries queries;

    public SubjectAccessLogResource(SubjectAccessQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getSubjectAccessLog",
            summary = "Who read this subject's records",
            description = "Every read of the subject's personal data in consent-service, newest first: who (user, "
                    + "OAuth client, organisation), when, which operation and which request. Reading it is logged "
                    + "too, as read-access-log.")
    @APIResponse(responseCode = "200", description = "A page of access log entries, newest first")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "403", description = "Only the DPO and auditors read the access log")
    @APIResponse(responseCode = "404", description = "No such subject")
    public PageView<AccessLogEntryView> accessLog(
            @PathParam("id") UUID id,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return queries.accessLog(id, page, size);
    }
}
