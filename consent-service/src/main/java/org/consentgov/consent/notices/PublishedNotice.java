package org.consentgov.consent.notices;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What consent-service needs to know of a published notice version, as notice-service's public JSON
 * gives it. Unknown fields are ignored: notice-service owns that document and may add to it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedNotice(
        String slug,
        int version,
        String state,
        String contentHash,
        Instant inForceFrom,
        Instant inForceUntil,
        Boolean materialChange,
        Content content) {

    /** Whether the version was in force at some moment of the London day {@code day}: the interval meets it. */
    public boolean inForceOn(LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        return inForceFrom != null
                && inForceFrom.isBefore(end)
                && (inForceUntil == null || inForceUntil.isAfter(start));
    }

    /** Retired: withdrawn from use, so nothing may be pinned to it any more. */
    public boolean retired() {
        return "RETIRED".equals(state);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(
            List<Controller> controllers,
            List<Purpose> purposes,
            List<String> dataCategories,
            List<LawfulBasisUse> lawfulBases,
            ConsentTerms consent) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Controller(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Purpose(String code) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LawfulBasisUse(String appliesTo, String basis) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentTerms(
            List<String> requiredParties,
            String parentOrCarer,
            Integer parentOrCarerUnderAge,
            Integer withdrawalWindowDays,
            String withdrawalWindowStartsOn,
            List<String> withdrawalChannels,
            String consentDuration,
            Boolean consentEndsWithAgreementAccess) {

        public static final String FORM_ISSUED = "FORM_ISSUED";

        /** Whether the withdrawal window counts from the form's issue rather than its receipt. */
        public boolean windowFromIssue() {
            return withdrawalWindowDays != null && FORM_ISSUED.equals(withdrawalWindowStartsOn);
        }
    }

    public List<String> purposeCodes() {
        return content.purposes() == null
                ? List.of()
                : content.purposes().stream().map(Purpose::code).toList();
    }
}
