package org.consentgov.notice.impact;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.notice.domain.NoticeDiff;

/**
 * What publishing a draft would change: the diff against the published version, the ACTIVE consents pinned to
 * older versions (null when not material or consent-service did not answer), the agreements linking the notice
 * (null when sharing-agreement-service did not answer), and notes saying what is missing and why.
 */
public record PublicationImpact(
        String slug,
        int version,
        Integer publishedVersion,
        boolean material,
        List<String> reasons,
        List<NoticeDiff.Change> changes,
        PinnedConsents consents,
        List<AgreementLink> agreements,
        List<String> notes) {

    /** consent-service's count: ACTIVE consents pinned to versions before the draft, in all and by version. */
    public record PinnedConsents(long active, Map<Integer, Long> byVersion) {}

    /** An agreement linking the notice, as sharing-agreement-service lists it (no personal data). */
    public record AgreementLink(
            UUID id,
            String reference,
            String title,
            String state,
            Integer effectiveVersion,
            Integer openVersion,
            List<String> parties) {}
}
