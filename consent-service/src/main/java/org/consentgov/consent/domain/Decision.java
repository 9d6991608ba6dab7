package org.consentgov.consent.domain;

public enum Decision {
    GIVEN,
    REFUSED
}
