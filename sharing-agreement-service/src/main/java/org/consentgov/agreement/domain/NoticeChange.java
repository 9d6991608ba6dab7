package org.consentgov.agreement.domain;

import java.time.Instant;
import java.util.List;

/**
 * A material change of a notice that flagged an agreement for review: the notice, the version the agreement's
 * version in force links, the versions notice-service compared ({@code previousVersion} → {@code version}), its
 * reasons, the CloudEvent that said so and when the agreement was flagged.
 */
public record NoticeChange(
        String notice,
        int linkedVersion,
        Integer previousVersion,
        int version,
        List<String> reasons,
        String noticeEventId,
        Instant flaggedAt) {

    public NoticeChange {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
