package org.consentgov.agreement.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
