package org.consentgov.agreement.domain;

import java.util.UUID;
import org.consentgov.agreement.persistence.SharingDecision;

/** A stored sharing decision, the disclosure recorded with it if any, and whether the reader may see the subject. */
public record RecordedDecision(SharingDecision decision, UUID disclosureId, boolean showSubject) {}
