package org.consentgov.agreement.domain;

import java.time.Instant;
import java.util.UUID;

/** A disclosure to record under an earlier PERMIT: its transfer method (the decision's when null) and when. */
public record DisclosureCommand(UUID decisionId, String transferMethod, Instant disclosedAt) {}
