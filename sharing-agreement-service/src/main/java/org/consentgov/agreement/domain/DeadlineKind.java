package org.consentgov.agreement.domain;

/** The dates of an agreement in force that someone has to act on before they pass. */
public enum DeadlineKind {
    /** The next review of the agreement falls due (or fell due: an overdue review). */
    REVIEW_DUE,
    /** A limited recipient's access ends (e.g. six months of research access, then an anonymised dataset). */
    ACCESS_WINDOW_ENDS,
    /** The agreement's last day in force (its end date); it expires the day after. */
    EXPIRES
}
