package org.consentgov.consent.domain;

/** A caseworker's assessment of whether a child can decide alone (Gillick competence). */
public enum Capacity {
    GILLICK_COMPETENT,
    NOT_COMPETENT,
    NOT_ASSESSED
}
