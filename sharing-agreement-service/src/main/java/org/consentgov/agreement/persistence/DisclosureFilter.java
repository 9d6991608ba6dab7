package org.consentgov.agreement.persistence;

import java.time.Instant;
import java.util.UUID;

/** What the disclosure log may be narrowed to: a subject, an agreement, a recipient, a time range. */
public record DisclosureFilter(
        String subjectSystem, String subjectValue, UUID agreementId, String recipient, Instant from, Instant to) {}
