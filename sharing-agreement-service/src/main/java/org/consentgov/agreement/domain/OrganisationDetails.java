package org.consentgov.agreement.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organisation's details, as the rules check them: the body of an update, and of a create with its id. */
@Schema(name = "OrganisationDetails", description = "An organisation's details; the body of an update", examples = """
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

    public static final String ICO = "Z[A-Z0-9][0-9]{6}";
    public static final String ICO_MESSAGE =
            "an ICO registration number is Z, a letter or digit, then six digits (e.g. Z5347709 or ZA123456)";
    public static final String URN = "[1-9][0-9]{5}";
    public static final String URN_MESSAGE = "a school URN is six digits (e.g. 109500)";
    public static final String ODS = "[A-Z0-9]{3,6}";
    public static final String ODS_MESSAGE = "an ODS code is 3 to 6 upper-case letters and digits (e.g. RWK)";

    public OrganisationDetails {
        signatories = signatories == null ? List.of() : signatories;
    }
}
