package org.consentgov.notice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.persistence.Notice;
import org.consentgov.notice.persistence.NoticeRepository;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.problem.Violations;
import org.consentgov.platform.vocabulary.Vocabulary;

/** Writing notices: a new notice with its first draft, a new draft of an existing one, edits to a draft. */
@ApplicationScoped
public class NoticeDrafting {

    /** Paths under /api/notices that are not notices: no notice may take these slugs. */
    public static final Set<String> RESERVED_SLUGS = Set.of("subscriptions", "changes");

    private final NoticeRepository notices;
    private final NoticeVersionRepository versions;
    private final NoticeStore store;
    private final NoticeContentJson json;
    private final NoticeRules rules;
    private final Clock clock;

    public NoticeDrafting(
            NoticeRepository notices,
            NoticeVersionRepository versions,
            NoticeStore store,
            NoticeContentJson json,
            Vocabulary vocabulary,
            Clock clock) {
        this.notices = notices;
        this.versions = versions;
        this.store = store;
        this.json = json;
        this.rules = new NoticeRules(vocabulary);
        this.clock = clock;
    }

    @Transactional
    public VersionDetails create(String slug, NoticeContent content) {
        if (RESERVED_SLUGS.contains(slug)) {
            throw NoticeErrors.SLUG_RESERVED.problem(
                    "'" + slug + "' names a path of the notices API and cannot be a notice's slug", "slug");
        }
        if (notices.findBySlug(slug).isPresent()) {
            throw NoticeErrors.SLUG_TAKEN.problem("A notice with slug '" + slug + "' already exists");
        }
        Violations.require(rules.vocabulary(content), "content.");
        Instant now = clock.instant();
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.slug = slug;
        notice.createdAt = now;
        notice.createdBy = store.actor();
        notices.persist(notice);
        return store.details(store.newVersion(notice, 1, content, now));
    }

    /** A new draft after the latest version; without content it starts as a copy of the latest. */
    @Transactional
    public VersionDetails newDraft(String slug, NoticeContent content) {
        Notice notice = store.notice(slug);
        versions.findInState(notice.id, VersionState.DRAFT).ifPresent(d -> {
            throw NoticeErrors.DRAFT_EXISTS
                    .problem("Version " + d.number + " of '" + slug + "' is already a draft; edit it instead")
                    .with("draftVersion", d.number);
        });
        NoticeVersion latest = versions.latest(notice.id).orElseThrow();
        NoticeContent body = content != null ? content : json.read(latest.content);
        Violations.require(rules.vocabulary(body), "content.");
        return store.details(store.newVersion(notice, latest.number + 1, body, clock.instant()));
    }

    @Transactional
    public VersionDetails updateDraft(String slug, int number, long expectedVersion, NoticeContent content) {
        NoticeVersion version = store.version(store.notice(slug), number);
        NoticeStore.requireDraft(version, "edited");
        ETags.requireCurrent(expectedVersion, version.rowVersion);
        Violations.require(rules.vocabulary(content), "content.");
        version.content = json.write(content);
        version.title = NoticeContentJson.title(content);
        version.updatedAt = clock.instant();
        version.updatedBy = store.actor();
        versions.flush();
        return store.details(version);
    }
}
