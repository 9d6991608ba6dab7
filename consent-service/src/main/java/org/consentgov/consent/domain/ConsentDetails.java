package org.consentgov.consent.domain;

import java.util.List;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.persistence.ConsentRecord;

/**
 * A record as the caller may see it, loaded inside the transaction (its parties included): the subject's
 * identifiers only when asked for and the caller's role needs them, else {@code null}.
 */
public record ConsentDetails(ConsentRecord record, List<Identifier> identifiers) {}
