package org.consentgov.agreement.domain;

import java.time.Instant;
import org.consentgov.agreement.domain.SharingDecisionService.Relied;

/**
 * A stored decision and the same question evaluated again at its {@code at} with what was known at its
 * {@code decidedAt}: the outcome, reasons and obligations, what it relied on, and whether outcome, reasons and what
 * was relied on all match.
 */
public record DecisionReplay(
        RecordedDecision original, Instant knownAt, SharingPolicy.Outcome replayed, Relied relied, boolean matches) {}
