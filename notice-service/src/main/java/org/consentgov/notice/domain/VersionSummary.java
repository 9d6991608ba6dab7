package org.consentgov.notice.domain;

import java.time.Instant;

/** One version of a notice without its content or history; {@code inForce*} as {@link InForce} says. */
public record VersionSummary(
        int number,
        VersionState state,
        String title,
        String contentHash,
        Instant effectiveFrom,
        Instant publishedAt,
        String publishedBy,
        Instant inForceFrom,
        Instant inForceUntil) {}
