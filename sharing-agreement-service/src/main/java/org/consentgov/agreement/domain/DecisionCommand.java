package org.consentgov.agreement.domain;

import java.time.Instant;
import java.util.List;

/**
 * A sharing question: may the recipient receive these categories about this subject (as {@code system:value})
 * for this purpose at this time (now when null)? With {@code record}, the disclosure is recorded with a PERMIT.
 */
public record DecisionCommand(
        String recipient,
        List<String> categories,
        String subject,
        String purpose,
        Instant at,
        Boolean record,
        String transferMethod) {}
