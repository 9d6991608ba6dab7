package org.consentgov.consent.domain;

/** What a withdrawal request leads to. */
public enum WithdrawalDecision {
    /** Inside the window, or withdrawal is allowed at any time: the record is withdrawn at once. */
    WITHDRAWN,
    /** After the window: the wish is stored and referred to the data protection officer. */
    REFERRED_TO_DPO
}
