package org.consentgov.agreement.domain;

/** What the recipient keeps when its access window ends. */
public enum AfterAccess {
    /** "…and will then create a final anonymised dataset" (the research notice). */
    ANONYMISED_DATASET,
    /** Nothing: the data is destroyed. */
    DESTROY
}
