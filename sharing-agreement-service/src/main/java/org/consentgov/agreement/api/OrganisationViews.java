package org.consentgov.agreement.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.OrganisationDetails;
import org.consentgov.agreement.domain.SignatoryContact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of the organisations API. */
public final class OrganisationViews {

    private OrganisationViews() {}

    @Schema(name = "CreateOrganisationRequest", examples = """
            {"slug": "luton-schools", "name": "Luton Schools", "type": "school", "icoRegistrationNumber": "Z5347709",
             "schoolUrn": "109500",
             "signatories": [{"name": "Data Protection Officer", "jobTitle": "Data protection officer",
              "email": "dpo@luton-schools.example", "username": "schools-dpo"}]}""")
    public record CreateOrganisationRequest(
            @Schema(
                    description = "Stable id, as in tokens' org claim and notices' recipients",
                    examples = "luton-schools")
            @NotBlank
            @Size(max = 80)
            @Pattern(regexp = AgreementContent.SLUG, message = "lower-case words joined by hyphens")
            String slug,

            @Schema(examples = "Luton Schools") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "Organisation type code from the vocabulary", examples = "school")
            @NotBlank
            @Size(max = 60)
            String type,

            @Schema(examples = "Z5347709")
            @Pattern(regexp = OrganisationDetails.ICO, message = OrganisationDetails.ICO_MESSAGE)
            String icoRegistrationNumber,

            @Schema(description = "For schools: the DfE unique reference number", examples = "109500")
            @Pattern(regexp = OrganisationDetails.URN, message = OrganisationDetails.URN_MESSAGE)
            String schoolUrn,

            @Schema(description = "For health trusts: the NHS ODS code", examples = "RWK")
            @Pattern(regexp = OrganisationDetails.ODS, message = OrganisationDetails.ODS_MESSAGE)
            String odsCode,

            @Size(max = 20) List<@jakarta.validation.constraints.NotNull @Valid SignatoryContact> signatories) {

        @JsonIgnore
        public OrganisationDetails details() {
            return new OrganisationDetails(name, type, icoRegistrationNumber, schoolUrn, odsCode, signatories);
        }
    }

    @Schema(name = "Organisation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganisationView(
            String slug,
            String name,
            String type,
            String typeLabel,
            String icoRegistrationNumber,
            String schoolUrn,
            String odsCode,
            List<SignatoryContact> signatories,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy,
            @Schema(hidden = true) long rowVersion) {}
}
