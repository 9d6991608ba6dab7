package org.consentgov.consent.notices;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What consent-service needs to know of a published notice version, as notice-service's public JSON
 * gives it. Unknown fields are ignored: notice-service owns that document and may add to it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedNotice(String slug, int version, String state, String contentHash, Content content) {

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
            List<String> withdrawalChannels) {}

    public List<String> purposeCodes() {
        return content.purposes() == null
                ? List.of()
                : content.purposes().stream().map(Purpose::code).toList();
    }
}
