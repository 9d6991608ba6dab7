package org.consentgov.notice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.events.NoticeEvents;
import org.consentgov.notice.persistence.Notice;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.json.CanonicalJson;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.problem.Violations;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * Putting a draft in force: the check of the publication rules an editor runs first, and the DPO's
 * publication, which fixes the hash, supersedes the version in force and records whether the change is material.
 */
@ApplicationScoped
public class NoticePublication {

    private final NoticeVersionRepository versions;
    private final NoticeStore store;
    private final NoticeContentJson json;
    private final NoticeRules rules;
    private final Clock clock;
    private final Outbox outbox;

    public NoticePublication(
            NoticeVersionRepository versions,
            NoticeStore store,
            NoticeContentJson json,
            Vocabulary vocabulary,
            Clock clock,
            Outbox outbox) {
        this.versions = versions;
        this.store = store;
        this.json = json;
        this.rules = new NoticeRules(vocabulary);
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public PublicationChecks checks(String slug, int number) {
        NoticeVersion version = store.version(store.notice(slug), number);
        List<RuleViolation> found = rules.forPublication(json.read(version.content)).stream()
                .map(v -> new RuleViolation(v.rule(), "content." + v.field(), v.message()))
                .toList();
        return new PublicationChecks(number, found);
    }

    @Transactional
    public VersionDetails publish(String slug, int number, long expectedVersion, Instant effectiveFrom) {
        Notice notice = store.notice(slug);
        NoticeVersion version = store.version(notice, number);
        NoticeStore.requireDraft(version, "published");
        ETags.requireCurrent(expectedVersion, version.rowVersion);
        Violations.require(rules.forPublication(json.read(version.content)), "content.");
        Instant now = clock.instant();
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        if (from.isAfter(now)) {
            throw NoticeErrors.EFFECTIVE_FROM_IN_FUTURE.problem(
                    "effectiveFrom may not be in the future; publish the version when it takes effect",
                    "effectiveFrom");
        }
        Optional<NoticeVersion> previous = versions.previousPublished(notice.id, number);
        previous.ifPresent(p -> requireAfter(p, from));
        versions.findInState(notice.id, VersionState.PUBLISHED).ifPresent(current -> {
            store.transition(current, VersionState.SUPERSEDED, "superseded by version " + number, now);
            current.updatedAt = now;
            current.updatedBy = store.actor();
        });
        versions.flush();
        previous.ifPresent(p -> {
            NoticeDiff.Result diff = NoticeDiff.between(json.tree(p.content), json.tree(version.content));
            version.materialChange = diff.material();
            version.materialReasons = diff.reasons();
        });
        version.contentHash = CanonicalJson.sha256(json.tree(version.content));
        version.effectiveFrom = from;
        version.publishedAt = now;
        version.publishedBy = store.actor();
        version.updatedAt = now;
        version.updatedBy = store.actor();
        store.transition(version, VersionState.PUBLISHED, null, now);
        versions.flush();
        announce(slug, version, previous.map(p -> p.number).orElse(null), now);
        return store.details(version);
    }

    /**
     * A version cannot come into force before the one it follows did (or was retired): each notice's in-force
     * intervals follow one another without overlap, so "the version in force on a date" has one answer.
     */
    private static void requireAfter(NoticeVersion previous, Instant from) {
        Instant start = previous.retiredAt != null && previous.retiredAt.isAfter(previous.effectiveFrom)
                ? previous.retiredAt
                : previous.effectiveFrom;
        if (start != null && from.isBefore(start)) {
            throw NoticeErrors.EFFECTIVE_FROM_BEFORE_PREVIOUS
                    .problem(
                            "effectiveFrom " + from + " is before " + start + ", when version " + previous.number
                                    + (start.equals(previous.retiredAt) ? " was retired" : " came into force")
                                    + "; versions of a notice are in force one after the other",
                            "effectiveFrom")
                    .with("previousVersion", previous.number)
                    .with("earliestEffectiveFrom", start.toString());
        }
    }

    /** The published event, and the material-change event when consents pinned to the older version need re-consent. */
    private void announce(String slug, NoticeVersion version, Integer previousVersion, Instant now) {
        outbox.publish(
                NoticeEvents.AGGREGATE,
                slug,
                NoticeEvents.PUBLISHED,
                new NoticeEvents.Published(
                        slug,
                        version.number,
                        version.contentHash,
                        version.effectiveFrom,
                        now,
                        previousVersion,
                        version.materialChange,
                        version.materialReasons));
        if (previousVersion != null && Boolean.TRUE.equals(version.materialChange)) {
            outbox.publish(
                    NoticeEvents.AGGREGATE,
                    slug,
                    NoticeEvents.MATERIAL_CHANGE,
                    new NoticeEvents.MaterialChange(slug, version.number, previousVersion, version.materialReasons));
        }
    }
}
