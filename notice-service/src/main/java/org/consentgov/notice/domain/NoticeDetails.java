package org.consentgov.notice.domain;

import java.time.Instant;
import java.util.List;

/** A notice, who created it, and a summary of each of its versions, oldest first. */
public record NoticeDetails(String slug, Instant createdAt, String createdBy, List<VersionSummary> versions) {}
