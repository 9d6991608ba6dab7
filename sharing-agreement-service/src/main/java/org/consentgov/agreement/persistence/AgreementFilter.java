package org.consentgov.agreement.persistence;

import org.consentgov.agreement.domain.AgreementState;

/**
 * What a list of agreements may be narrowed to: a state, a party, a reference (any case), and a notice that one
 * of the agreement's current versions links (see {@code AgreementRepository.linking}), and whether a material
 * notice change flagged it for review (the DPO's review list).
 */
public record AgreementFilter(
        AgreementState state, String organisation, String reference, String linkedNotice, Boolean reviewRequired) {

    public AgreementFilter(AgreementState state, String organisation, String reference) {
        this(state, organisation, reference, null, null);
    }
}
