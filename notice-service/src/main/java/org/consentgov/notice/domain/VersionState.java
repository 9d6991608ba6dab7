package org.consentgov.notice.domain;

/** DRAFT → PUBLISHED → SUPERSEDED (by the next publication) or RETIRED (withdrawn from use). */
public enum VersionState {
    DRAFT,
    PUBLISHED,
    SUPERSEDED,
    RETIRED;

    /** Versions the public has been shown: they stay readable for ever. */
    public boolean wasPublished() {
        return this != DRAFT;
    }
}
