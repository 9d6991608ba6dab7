package org.consentgov.platform.access;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One read of a subject's personal data: who, through which client and organisation, when, how and in which request. */
@Schema(name = "AccessLogEntry", description = "One read of the subject's personal data", examples = """
        {"id": "5b1f0c3e-2a9d-4e8f-9c6b-7a8d9e0f1a2b", "actor": "caseworker-1", "client": "governance-console",
         "organisation": "luton-council", "operation": "read-consent", "at": "2026-03-03T14:05:00.123456Z",
         "requestId": "7f3c9a2e-0d41-4b8e-a1f5-2c6d8e9b0a13"}""")
public record AccessLogEntryView(
        @Schema(description = "The entry's id") UUID id,

        @Schema(description = "The user or service account that read", examples = "caseworker-1")
        String actor,

        @Schema(
                description = "The OAuth client it read through (the token's azp), when the token named one",
                examples = "governance-console")
        String client,

        @Schema(description = "The reader's organisation, when the token named one", examples = "luton-council")
        String organisation,

        @Schema(
                description = "What was done: a short stable name listed in the service's README",
                examples = "read-consent")
        String operation,

        @Schema(description = "When, to the microsecond") Instant at,

        @Schema(description = "The X-Request-Id of the read, to find it in the service's logs")
        String requestId,

        @Schema(description = "The context of the read, e.g. the filter of a listing; never another subject")
        String detail) {}
