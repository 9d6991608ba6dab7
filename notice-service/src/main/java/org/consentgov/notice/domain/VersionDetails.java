package org.consentgov.notice.domain;

import java.time.Instant;
import java.util.List;

/** One version of a notice as stored: its content, its publication or retirement, and every state change. */
public record VersionDetails(
        String slug,
        int number,
        VersionState state,
        String title,
        NoticeContent content,
        String contentHash,
        Instant effectiveFrom,
        Instant publishedAt,
        String publishedBy,
        Instant inForceFrom,
        Instant inForceUntil,
        Boolean materialChange,
        List<String> materialReasons,
        Instant retiredAt,
        String retiredBy,
        String retiredReason,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        List<StateChange> history,
        long rowVersion) {

    /** One row of the version's append-only history. */
    public record StateChange(
            VersionState from, VersionState to, String actor, Instant at, String reason, String contentHash) {}
}
