package org.consentgov.agreement.domain;

import java.util.List;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementVersion;

/** An agreement in a list: its current version and the organisations party to it. */
public record AgreementSummary(Agreement agreement, AgreementVersion version, List<String> parties) {}
