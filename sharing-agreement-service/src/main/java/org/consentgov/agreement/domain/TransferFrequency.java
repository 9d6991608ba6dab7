package org.consentgov.agreement.domain;

/** How often data passes under an agreement. */
public enum TransferFrequency {
    CONTINUOUS,
    ON_REQUEST,
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    ANNUALLY,
    ONE_OFF
}
