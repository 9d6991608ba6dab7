package org.consentgov.agreement.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.consentgov.agreement.domain.SubjectAccessQueries;
import org.consentgov.platform.access.AccessLogEntryView;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.paging.Paging;
import org.consentgov.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who read a subject's decisions and disclosures: for the DPO answering a subject access request, and for
 * auditors. Under {@code /api/disclosures}, a prefix the gateway already routes to this service.
 */
@Path("/api/disclosures/access-log")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosures", description = "Who received what about whom, under which agreement and decision")
@SecurityRequirement(name = "jwt")
public class SubjectAccessLogResource {

    private final SubjectAccessQueries queries;

    public SubjectAccessLogResource(SubjectAccessQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(
            operationId = "getDisclosureSubjectAccessLog",
            summary = "Who read this subject's decisions and disclosures",
            description = "Every read of the subject's personal data in sharing-agreement-service, newest first: who "
                    + "(user, OAuth client, organisation), when, which operation and which request. Reading it is "
                    + "logged too, as read-access-log.")
    @APIResponse(responseCode = "200", description = "A page of access log entries, newest first")
    @APIResponse(responseCode = "400", description = "No or an invalid subject, or invalid paging")
    @APIResponse(responseCode = "403", description = "Only the DPO and auditors read the access log")
    public PageView<AccessLogEntryView> accessLog(
            @Parameter(
                            description = "The subject as system:value, e.g. nhs-number:9434765919",
                            required = true,
                            example = "nhs-number:9434765919",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @QueryParam("subject")
                    @Size(max = 100)
                    String subject,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        return queries.accessLog(subject, page, size);
    }
}
