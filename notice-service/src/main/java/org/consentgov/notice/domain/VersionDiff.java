package org.consentgov.notice.domain;

/** The difference between two versions of a notice. */
public record VersionDiff(String slug, int from, int to, NoticeDiff.Result result) {}
