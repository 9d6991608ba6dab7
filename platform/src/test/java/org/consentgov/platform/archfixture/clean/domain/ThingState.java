package org.consentgov.platform.archfixture.clean.domain;

/** A domain enum an entity stores: the one dependency of persistence on the domain that is not a cycle. */
public enum ThingState {
    ACTIVE,
    RETIRED
}
