package org.consentgov.agreement.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.consentgov.agreement.domain.AgreementContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of the organisations API. */
public final class OrganisationViews {

    static final String ICO = "Z[A-Z0-9][0-9]{6}";
    static final String ICO_MESSAGE =
            "an ICO registration number is Z, a letter or digit, then six digits (e.g. Z5347709 or ZA123456)";
    static final String URN = "[1-9][0-9]{5}";
    static final String URN_MESSAGE = "a school URN is six digits (e.g. 109500)";
    static final String ODS = "[A-Z0-9]{3,6}";
    static final String ODS_MESSAGE = "an ODS code is 3 to 6 upper-case letters and digits (e.g. RWK)";

    private OrganisationViews() {}

    @Schema(name = "SignatoryContact", description = "Someone who signs agreements for the organisation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignatoryContact(
            @Schema(examples = "Data Protection Officer") @NotBlank @Size(max = 200)
            String name,

            @Schema(examples = "Data protection officer") @Size(max = 200)
            String jobTitle,

            @Schema(examples = "dpo@luton-council.example") @Email @Size(max = 254)
            String email,

            @Schema(
                    description =
                            "Their user name in the identity provider; when any signatory has one, only those users may sign for the organisation",
                    examples = "dpo")
            @Size(max = 255)
            String username) {}

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

            @Schema(examples = "Z5347709") @Pattern(regexp = ICO, message = ICO_MESSAGE)
            String icoRegistrationNumber,

            @Schema(description = "For schools: the DfE unique reference number", examples = "109500")
            @Pattern(regexp = URN, message = URN_MESSAGE)
            String schoolUrn,

            @Schema(description = "For health trusts: the NHS ODS code", examples = "RWK")
            @Pattern(regexp = ODS, message = ODS_MESSAGE)
            String odsCode,

            @Size(max = 20) List<@jakarta.validation.constraints.NotNull @Valid SignatoryContact> signatories) {

        @JsonIgnore
        public OrganisationDetails details() {
            return new OrganisationDetails(name, type, icoRegistrationNumber, schoolUrn, odsCode, signatories);
        }
    }

    @Schema(
            name = "OrganisationDetails",
            description = "An organisation's details; the body of an update",
            examples = """
            {"name": "Luton Schools", "type": "school", "icoRegistrationNumber": "Z5347709", "schoolUrn": "109500",
             "signatories": [{"name": "Data Protection Officer", "jobTitle": "Data protection officer",
              "email": "dpo@luton-schools.example", "username": "schools-dpo"}]}""")
    public record OrganisationDetails(
            @Schema(examples = "Luton Schools") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "Organisation type code from the vocabulary", examples = "school")
            @NotBlank
            @Size(max = 60)
            String type,

            @Schema(examples = "Z5347709") @Pattern(regexp = ICO, message = ICO_MESSAGE)
            String icoRegistrationNumber,

            @Schema(description = "For schools: the DfE unique reference number", examples = "109500")
            @Pattern(regexp = URN, message = URN_MESSAGE)
            String schoolUrn,

            @Schema(description = "For health trusts: the NHS ODS code", examples = "RWK")
            @Pattern(regexp = ODS, message = ODS_MESSAGE)
            String odsCode,

            @Size(max = 20) List<@jakarta.validation.constraints.NotNull @Valid SignatoryContact> signatories) {

        public OrganisationDetails {
            signatories = signatories == null ? List.of() : signatories;
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
