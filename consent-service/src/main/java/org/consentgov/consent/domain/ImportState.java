package org.consentgov.consent.domain;

/** Where a bulk import is: its lines streaming in, every line with an outcome, or broken off. */
public enum ImportState {
    RUNNING,
    COMPLETED,
    FAILED
}
