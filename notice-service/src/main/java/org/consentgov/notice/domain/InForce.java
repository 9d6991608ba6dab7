package org.consentgov.notice.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.consentgov.notice.persistence.NoticeVersion;

/**
 * When a version was in force (DESIGN §11): from its {@code effectiveFrom} until the next published version's
 * {@code effectiveFrom} or its own retirement, whichever comes first; {@code until} is null while it is still in
 * force. Publication refuses an {@code effectiveFrom} before the previous version's start (or retirement), so the
 * intervals of one notice never overlap. Drafts were never in force: both ends null.
 */
public record InForce(Instant from, Instant until) {

    public static final InForce NEVER = new InForce(null, null);

    /** The interval of {@code version}, given every version of its notice (drafts included, in any order). */
    public static InForce of(NoticeVersion version, Collection<NoticeVersion> allOfNotice) {
        if (!version.state.wasPublished() || version.effectiveFrom == null) {
            return NEVER;
        }
        Optional<Instant> next = allOfNotice.stream()
                .filter(v -> v.number > version.number && v.state.wasPublished() && v.effectiveFrom != null)
                .min(Comparator.comparingInt(v -> v.number))
                .map(v -> v.effectiveFrom);
        Instant until = version.retiredAt;
        if (next.isPresent() && (until == null || next.get().isBefore(until))) {
            until = next.get();
        }
        return new InForce(version.effectiveFrom, until);
    }

    /** Whether the version was in force at that instant (from inclusive, until exclusive). */
    public boolean covers(Instant at) {
        return from != null && !at.isBefore(from) && (until == null || at.isBefore(until));
    }
}
