package org.consentgov.agreement.consent;

import java.util.List;
import java.util.UUID;

/**
 * What consent-service said about one subject, notice and purpose: consented (with the record and notice
 * version relied on, and how long the record's history was), not consented (with its reasons), or no answer at all, which is never taken as consent.
 */
public record ConsentAnswer(
        Outcome outcome,
        List<String> reasons,
        UUID recordId,
        String noticeSlug,
        Integer noticeVersion,
        String noticeHash,
        Integer historyLength) {

    public enum Outcome {
        CONSENTED,
        NOT_CONSENTED,
        UNAVAILABLE
    }

    public static ConsentAnswer unavailable(String why) {
        return new ConsentAnswer(Outcome.UNAVAILABLE, List.of(why), null, null, null, null, null);
    }

    public static ConsentAnswer of(ConsentCheckResponse response) {
        if (response == null || response.consented() == null) {
            return unavailable("consent-service gave no answer");
        }
        List<String> reasons = response.reasons() == null ? List.of() : List.copyOf(response.reasons());
        ConsentCheckResponse.NoticeVersion notice = response.noticeVersion();
        return new ConsentAnswer(
                response.consented() ? Outcome.CONSENTED : Outcome.NOT_CONSENTED,
                reasons,
                response.recordId(),
                notice == null ? null : notice.slug(),
                notice == null ? null : notice.version(),
                notice == null ? null : notice.contentHash(),
                response.historyLength());
    }

    public boolean consented() {
        return outcome == Outcome.CONSENTED;
    }
}
