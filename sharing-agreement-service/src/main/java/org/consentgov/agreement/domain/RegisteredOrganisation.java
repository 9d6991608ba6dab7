package org.consentgov.agreement.domain;

import java.util.List;
import org.consentgov.agreement.persistence.Organisation;

/** An organisation of the directory with what is read alongside it: its type's label and its signatories. */
public record RegisteredOrganisation(Organisation organisation, String typeLabel, List<SignatoryContact> signatories) {}
