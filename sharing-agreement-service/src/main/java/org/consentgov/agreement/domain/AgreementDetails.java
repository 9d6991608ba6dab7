package org.consentgov.agreement.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementParty;
import org.consentgov.agreement.persistence.AgreementSignature;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Organisation;

/**
 * An agreement with one of its versions and everything read with it in the same transaction: the version's
 * content, parties and signatures, the parties' organisations and every version's summary.
 */
public record AgreementDetails(
        Agreement agreement,
        AgreementVersion version,
        AgreementContent content,
        List<AgreementParty> parties,
        Map<String, AgreementSignature> signatures,
        Map<String, Organisation> organisations,
        List<AgreementVersion> versions) {

    public UUID id() {
        return agreement.id;
    }

    public AgreementState state() {
        return agreement.state;
    }

    public int number() {
        return version.number;
    }

    public long rowVersion() {
        return agreement.rowVersion;
    }

    /** The parties yet to sign the version, while it is pending signature; null otherwise. */
    public List<String> awaitingSignature() {
        return version.state == AgreementState.PENDING_SIGNATURE
                ? parties.stream()
                        .map(p -> p.organisation)
                        .filter(o -> !signatures.containsKey(o))
                        .toList()
                : null;
    }
}
