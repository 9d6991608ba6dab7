package org.consentgov.notice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.events.NoticeEvents;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.http.ETags;

/** Withdrawing the version in force from use: the notice then has none, and the retired version stays readable. */
@ApplicationScoped
public class NoticeRetirement {

    private final NoticeVersionRepository versions;
    private final NoticeStore store;
    private final Clock clock;
    private final Outbox outbox;

    public NoticeRetirement(NoticeVersionRepository versions, NoticeStore store, Clock clock, Outbox outbox) {
        this.versions = versions;
        this.store = store;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public VersionDetails retire(String slug, int number, long expectedVersion, String reason) {
        NoticeVersion version = store.version(store.notice(slug), number);
        if (version.state != VersionState.PUBLISHED) {
            throw NoticeErrors.VERSION_NOT_PUBLISHED.problem(
                    "Only the published version can be retired; version " + number + " is " + version.state);
        }
        ETags.requireCurrent(expectedVersion, version.rowVersion);
        Instant now = clock.instant();
        version.retiredAt = now;
        version.retiredBy = store.actor();
        version.retiredReason = reason;
        version.updatedAt = now;
        version.updatedBy = store.actor();
        store.transition(version, VersionState.RETIRED, reason, now);
        versions.flush();
        outbox.publish(
                NoticeEvents.AGGREGATE,
                slug,
                NoticeEvents.RETIRED,
                new NoticeEvents.Retired(slug, number, now, reason));
        return store.details(version);
    }
}
