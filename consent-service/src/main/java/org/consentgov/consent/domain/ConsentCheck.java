package org.consentgov.consent.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Answers "is there an effective consent for this subject, notice and purpose at time T?" from the subject's
 * records for the notice, newest first, as they stood at the recorded time the caller asks about (the service
 * builds each {@link Candidate} as known then). Valid time decides: a record counts from the start of the day its
 * form was signed ({@code validFrom}), once every required party consented ({@code effectiveFrom}), until it ended
 * ({@code endedAt}: withdrawn, superseded, invalidated) or expired ({@code expiresAt}, even before the expiry job
 * has moved its state). Pure: the caller loads the records in one query.
 */
public final class ConsentCheck {

    /** What the check needs of a record, as known at the recorded time asked about. */
    public record Candidate(
            UUID id,
            int noticeVersion,
            String noticeContentHash,
            ConsentState state,
            boolean effective,
            List<String> purposes,
            List<String> missingParties,
            Instant recordedAt,
            Instant validFrom,
            Instant effectiveFrom,
            Instant endedAt,
            Instant expiresAt,
            boolean reconsentRequired,
            int historyLength) {}

    public record Answer(boolean consented, List<String> reasons, Candidate reliedOn) {}

    private ConsentCheck() {}

    public static Answer at(List<Candidate> newestFirst, String purpose, Instant at) {
        if (newestFirst.isEmpty()) {
            return new Answer(false, List.of("no consent has been recorded for this subject under this notice"), null);
        }
        List<String> reasons = new ArrayList<>();
        for (Candidate c : newestFirst) {
            if (c.state() == ConsentState.INVALIDATED) {
                reasons.add("record " + c.id() + " was invalidated");
                continue;
            }
            if (c.validFrom().isAfter(at)) {
                reasons.add("record " + c.id() + " was signed after " + at);
                continue;
            }
            if (!c.purposes().contains(purpose)) {
                reasons.add("record " + c.id() + " does not cover purpose " + purpose);
                continue;
            }
            if (c.state() == ConsentState.REFUSED) {
                return new Answer(false, List.of("consent was refused (record " + c.id() + ")"), c);
            }
            if (c.effectiveFrom() == null || c.effectiveFrom().isAfter(at)) {
                String why = c.missingParties().isEmpty()
                        ? "record " + c.id() + " was not yet effective at " + at
                        : "record " + c.id() + " is missing the consent of: " + String.join(", ", c.missingParties());
                if (c.endedAt() == null || c.endedAt().isAfter(at)) {
                    return new Answer(false, List.of(why), c);
                }
                reasons.add(why);
                continue;
            }
            if (c.expiresAt() != null
                    && !c.expiresAt().isAfter(at)
                    && (c.endedAt() == null || !c.endedAt().isBefore(c.expiresAt()))) {
                return new Answer(
                        false, List.of("expired: consent ended at " + c.expiresAt() + " (record " + c.id() + ")"), c);
            }
            if (c.endedAt() != null && !c.endedAt().isAfter(at)) {
                return new Answer(
                        false,
                        List.of("consent ended at " + c.endedAt() + " ("
                                + c.state().name().toLowerCase() + ", record " + c.id() + ")"),
                        c);
            }
            List<String> yes = new ArrayList<>();
            yes.add("effective consent recorded " + c.recordedAt() + " under notice version " + c.noticeVersion());
            if (c.reconsentRequired()) {
                yes.add("the notice has changed materially since: ask for consent again");
            }
            return new Answer(true, List.copyOf(yes), c);
        }
        return new Answer(false, List.copyOf(reasons), null);
    }
}
