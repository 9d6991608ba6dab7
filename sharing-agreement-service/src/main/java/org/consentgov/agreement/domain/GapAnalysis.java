package org.consentgov.agreement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.consentgov.agreement.notices.PublishedNotice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The governance gap report as a pure function: every recipient a published notice names is covered when an
 * ACTIVE agreement has it as a party and links that notice; every other recipient is a gap, with the reason.
 */
public final class GapAnalysis {

    @Schema(name = "GapStatus")
    public enum Status {
        /** The notice names the recipient without an organisation id, so no agreement can be matched to it. */
        NO_ORGANISATION_ID,
        /** The organisation id is not registered here. */
        UNKNOWN_ORGANISATION,
        /** No agreement has the organisation as a party. */
        NO_AGREEMENT,
        /** Agreements exist, but none is ACTIVE. */
        AGREEMENT_NOT_ACTIVE,
        /** An ACTIVE agreement has the organisation as a party but does not link this notice. */
        NOTICE_NOT_LINKED
    }

    /** What the report needs of an agreement: its current version's parties and linked notices. */
    public record AgreementFacts(
            UUID id,
            String reference,
            int version,
            AgreementState state,
            Set<String> parties,
            Set<String> linkedNotices) {}

    public record Gap(
            String notice,
            int noticeVersion,
            String recipient,
            String organisationId,
            String organisationType,
            String role,
            Status status,
            String detail,
            List<AgreementFacts> agreements) {}

    public record Result(int recipientsChecked, int covered, List<Gap> gaps) {}

    private GapAnalysis() {}

    public static Result analyse(
            List<PublishedNotice> notices, Set<String> registered, List<AgreementFacts> agreements) {
        int checked = 0;
        int covered = 0;
        List<Gap> gaps = new ArrayList<>();
        for (PublishedNotice notice : notices) {
            for (PublishedNotice.Organisation recipient : notice.recipients()) {
                checked++;
                String org = recipient.organisationId();
                List<AgreementFacts> withParty = org == null
                        ? List.of()
                        : agreements.stream()
                                .filter(a -> a.parties().contains(org))
                                .toList();
                List<AgreementFacts> active = withParty.stream()
                        .filter(a -> a.state() == AgreementState.ACTIVE)
                        .toList();
                if (active.stream().anyMatch(a -> a.linkedNotices().contains(notice.slug()))) {
                    covered++;
                    continue;
                }
                Status status;
                String detail;
                if (org == null) {
                    status = Status.NO_ORGANISATION_ID;
                    detail = "the notice names '" + recipient.name() + "' without an organisation id";
                } else if (!registered.contains(org)) {
                    status = Status.UNKNOWN_ORGANISATION;
                    detail = "'" + org + "' is not a registered organisation";
                } else if (withParty.isEmpty()) {
                    status = Status.NO_AGREEMENT;
                    detail = "no agreement has '" + org + "' as a party";
                } else if (active.isEmpty()) {
                    status = Status.AGREEMENT_NOT_ACTIVE;
                    detail = "no agreement with '" + org + "' is ACTIVE";
                } else {
                    status = Status.NOTICE_NOT_LINKED;
                    detail = "no ACTIVE agreement with '" + org + "' links notice '" + notice.slug() + "'";
                }
                gaps.add(new Gap(
                        notice.slug(),
                        notice.version(),
                        recipient.name(),
                        org,
                        recipient.organisationType(),
                        recipient.role(),
                        status,
                        detail,
                        withParty));
            }
        }
        return new Result(checked, covered, gaps);
    }
}
