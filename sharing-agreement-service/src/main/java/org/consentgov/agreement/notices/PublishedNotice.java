package org.consentgov.agreement.notices;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * What this service needs of a published notice version, as notice-service's public JSON gives it. Unknown
 * fields are ignored: notice-service owns that document and may add to it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedNotice(
        String slug, int version, String state, boolean current, String contentHash, Content content) {

    public static final String PUBLISHED = "PUBLISHED";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(
            List<Organisation> controllers,
            List<Purpose> purposes,
            List<String> dataCategories,
            List<Organisation> recipients) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(String name, String organisationType, String organisationId, String role) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Purpose(String code) {}

    public boolean published() {
        return PUBLISHED.equals(state);
    }

    public List<Organisation> recipients() {
        return content == null || content.recipients() == null ? List.of() : content.recipients();
    }

    public List<Organisation> controllers() {
        return content == null || content.controllers() == null ? List.of() : content.controllers();
    }

    public List<String> dataCategories() {
        return content == null || content.dataCategories() == null ? List.of() : content.dataCategories();
    }

    /** Whether the notice names the organisation as a recipient, or (for a controller party) as a controller. */
    public boolean names(String organisationId, boolean asController) {
        boolean recipient = recipients().stream().anyMatch(r -> Objects.equals(organisationId, r.organisationId()));
        return recipient
                || asController
                        && controllers().stream().anyMatch(c -> Objects.equals(organisationId, c.organisationId()));
    }
}
