package org.consentgov.notice.domain;

import java.time.Instant;

/** One version of a notice without its content or history. */
public record VersionSummary(
        int number,
        VersionState state,
        String title,
        String contentHash,
        Instant effectiveFrom,
        Instant publishedAt,
        String publishedBy) {}
