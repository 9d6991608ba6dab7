package org.consentgov.platform.vocabulary;

/** Which kind of data a lawful basis can serve: ordinary personal data, Art 9 special category, Art 10 criminal. */
public enum CategoryKind {
    PERSONAL,
    SPECIAL,
    CRIMINAL
}
