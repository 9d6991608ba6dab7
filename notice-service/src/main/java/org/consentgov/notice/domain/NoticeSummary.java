package org.consentgov.notice.domain;

import java.time.Instant;

/** A notice with the numbers of its published, draft and latest versions, and the title to show. */
public record NoticeSummary(
        String slug,
        String title,
        Integer currentVersion,
        Integer draftVersion,
        int latestVersion,
        Instant createdAt) {}
