package org.consentgov.agreement.consent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * consent-service's answer to "is there an effective consent?", with the record relied on and the length of its
 * history as known at the time asked about. Unknown fields are ignored: consent-service owns it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentCheckResponse(
        Boolean consented,
        String notice,
        String purpose,
        List<String> reasons,
        UUID recordId,
        NoticeVersion noticeVersion,
        String state,
        Boolean reconsentRequired,
        Integer historyLength) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NoticeVersion(String slug, Integer version, String contentHash) {}
}
