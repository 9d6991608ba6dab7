package org.consentgov.agreement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of the disclosure log. */
public final class DisclosureViews {

    private DisclosureViews() {}

    @Schema(
            name = "RecordDisclosureRequest",
            description = "Records that data passed under an earlier PERMIT",
            examples = """
            {"decisionId": "3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f", "transferMethod": "encrypted-file-transfer",
             "disclosedAt": "2025-10-01T09:30:00Z"}""")
    public record RecordDisclosureRequest(
            @Schema(description = "The PERMIT decision the disclosure relies on") @NotNull
            UUID decisionId,

            @Schema(
                    description = "Transfer method code; the decision's when omitted",
                    examples = "encrypted-file-transfer")
            @Size(max = 40)
            String transferMethod,

            @Schema(
                    description =
                            "When the data passed; default now. Between the decision's at and now (five minutes' allowance for clocks)")
            Instant disclosedAt) {}

    @Schema(name = "Disclosure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DisclosureView(
            UUID id,
            UUID decisionId,
            UUID agreementId,
            String agreementReference,
            int agreementVersion,
            String recipient,

            @Schema(description = "system:value; omitted for auditors")
            String subject,

            List<String> categories,
            String purpose,
            String transferMethod,
            Instant disclosedAt,
            Instant recordedAt,
            String recordedBy) {}
}
