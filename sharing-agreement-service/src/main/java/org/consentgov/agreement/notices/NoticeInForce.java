package org.consentgov.agreement.notices;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The version of a notice notice-service says was in force at a time ({@code GET /public/notices/{slug}?at=}): what
 * a sharing decision cites. {@code inForceFrom} and {@code inForceUntil} are absent from a notice-service that does
 * not know about time yet; then the answer is taken as the version in force.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeInForce(
        String slug, Integer version, String state, String contentHash, Instant inForceFrom, Instant inForceUntil) {

    /** Whether the answer is about that time: a version from after it, or ended before it, is no answer. */
    public boolean covers(Instant at) {
        return version != null
                && (inForceFrom == null || !at.isBefore(inForceFrom))
                && (inForceUntil == null || at.isBefore(inForceUntil));
    }
}
