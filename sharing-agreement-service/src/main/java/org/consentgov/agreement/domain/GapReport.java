package org.consentgov.agreement.domain;

import java.time.Instant;
import java.util.List;
import org.consentgov.agreement.notices.PublishedNotice;

/** The governance gap report: the notices in force that were checked and what the analysis found. */
public record GapReport(Instant generatedAt, List<PublishedNotice> notices, GapAnalysis.Result result) {}
