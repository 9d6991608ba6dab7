package org.consentgov.agreement.domain;

import org.consentgov.agreement.persistence.Disclosure;

/** A disclosure as a reader may see it: with the subject only when the reader may see identifiers. */
public record ShownDisclosure(Disclosure disclosure, boolean showSubject) {}
