package org.consentgov.notice.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentgov.notice.api.NoticeViews.ChangeView;
import org.consentgov.notice.api.NoticeViews.ChecksView;
import org.consentgov.notice.api.NoticeViews.NoticeDiffView;
import org.consentgov.notice.api.NoticeViews.NoticeSummaryView;
import org.consentgov.notice.api.NoticeViews.NoticeVersionView;
import org.consentgov.notice.api.NoticeViews.NoticeView;
import org.consentgov.notice.api.NoticeViews.RuleViolationView;
import org.consentgov.notice.api.NoticeViews.TransitionView;
import org.consentgov.notice.api.NoticeViews.VersionSummaryView;
import org.consentgov.notice.events.NoticeEvents;
import org.consentgov.notice.persistence.Notice;
import org.consentgov.notice.persistence.NoticeRepository;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.notice.persistence.NoticeVersionTransition;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.json.CanonicalJson;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.vocabulary.Vocabulary;

/** Notices and their versions: drafting, publication, retirement, diffs. Owns the transactions. */
@ApplicationScoped
public class NoticeService {

    /** Paths under /api/notices that are not notices: no notice may take these slugs. */
    public static final Set<String> RESERVED_SLUGS = Set.of("subscriptions", "changes");

    private final NoticeRepository notices;
    private final NoticeVersionRepository versions;
    private final ObjectMapper mapper;
    private final NoticeRules rules;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final Outbox outbox;

    public NoticeService(
            NoticeRepository notices,
            NoticeVersionRepository versions,
            ObjectMapper mapper,
            Vocabulary vocabulary,
            Clock clock,
            SecurityIdentity identity,
            Outbox outbox) {
        this.notices = notices;
        this.versions = versions;
        this.mapper = mapper;
        this.rules = new NoticeRules(vocabulary);
        this.clock = clock;
        this.identity = identity;
        this.outbox = outbox;
    }

    @Transactional
    public PageView<NoticeSummaryView> list(int page, int size) {
        List<Notice> found = notices.page(page, size);
        long total = notices.count();
        Map<UUID, List<NoticeVersion>> byNotice = versions
                .forNotices(found.stream().map(n -> n.id).toList())
                .stream()
                .collect(Collectors.groupingBy(v -> v.notice.id));
        List<NoticeSummaryView> items = found.stream()
                .map(n -> summary(n, byNotice.getOrDefault(n.id, List.of())))
                .toList();
        return PageView.of(items, page, size, total);
    }

    @Transactional
    public NoticeView get(String slug) {
        Notice notice = notice(slug);
        List<VersionSummaryView> all = versions.forNotices(List.of(notice.id)).stream()
                .map(NoticeService::versionSummary)
                .toList();
        return new NoticeView(notice.slug, notice.createdAt, notice.createdBy, all);
    }

    @Transactional
    public PageView<VersionSummaryView> versions(String slug, int page, int size) {
        notice(slug);
        return PageView.of(
                versions.page(slug, page, size).stream()
                        .map(NoticeService::versionSummary)
                        .toList(),
                page,
                size,
                versions.countFor(slug));
    }

    @Transactional
    public NoticeVersionView version(String slug, int number) {
        return view(version(notice(slug), number));
    }

    @Transactional
    public NoticeVersionView create(String slug, NoticeContent content) {
        if (RESERVED_SLUGS.contains(slug)) {
            throw ProblemException.badRequest(
                    "slug-reserved",
                    "'" + slug + "' names a path of the notices API and cannot be a notice's slug",
                    "slug");
        }
        if (notices.findBySlug(slug).isPresent()) {
            throw ProblemException.conflict("slug-taken", "A notice with slug '" + slug + "' already exists");
        }
        requireNoViolations(rules.vocabulary(content), "content.");
        Instant now = clock.instant();
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.slug = slug;
        notice.createdAt = now;
        notice.createdBy = actor();
        notices.persist(notice);
        NoticeVersion draft = newVersion(notice, 1, content, now);
        return view(draft);
    }

    @Transactional
    public NoticeVersionView newDraft(String slug, NoticeContent content) {
        Notice notice = notice(slug);
        versions.findInState(notice.id, VersionState.DRAFT).ifPresent(d -> {
            throw ProblemException.conflict(
                            "draft-exists",
                            "Version " + d.number + " of '" + slug + "' is already a draft; edit it instead")
                    .with("draftVersion", d.number);
        });
        NoticeVersion latest = versions.latest(notice.id).orElseThrow();
        NoticeContent body = content != null ? content : read(latest.content);
        requireNoViolations(rules.vocabulary(body), "content.");
        return view(newVersion(notice, latest.number + 1, body, clock.instant()));
    }

    @Transactional
    public NoticeVersionView updateDraft(String slug, int number, long expectedVersion, NoticeContent content) {
        NoticeVersion version = version(notice(slug), number);
        requireDraft(version, "edited");
        ETags.requireCurrent(expectedVersion, version.rowVersion);
        requireNoViolations(rules.vocabulary(content), "content.");
        version.content = write(content);
        version.title = title(content);
        version.updatedAt = clock.instant();
        version.updatedBy = actor();
        versions.flush();
        return view(version);
    }

    @Transactional
    public ChecksView checks(String slug, int number) {
        NoticeVersion version = version(notice(slug), number);
        List<RuleViolationView> found = rules.forPublication(read(version.content)).stream()
                .map(v -> new RuleViolationView(v.rule(), "content." + v.field(), v.message()))
                .toList();
        return new ChecksView(number, found.isEmpty(), found);
    }

    @Transactional
    public NoticeVersionView publish(String slug, int number, long expectedVersion, Instant effectiveFrom) {
        Notice notice = notice(slug);
        NoticeVersion version = version(notice, number);
        requireDraft(version, "published");
        ETags.requireCurrent(expectedVersion, version.rowVersion);
        requireNoViolations(rules.forPublication(read(version.content)), "content.");
        Instant now = clock.instant();
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        if (from.isAfter(now)) {
            throw ProblemException.rule(
                    "effective-from-in-future",
                    "effectiveFrom may not be in the future; publish the version when it takes effect",
                    "effectiveFrom");
        }
        Optional<NoticeVersion> previous = versions.previousPublished(notice.id, number);
        versions.findInState(notice.id, VersionState.PUBLISHED).ifPresent(current -> {
            transition(current, VersionState.SUPERSEDED, "superseded by version " + number, now);
            current.updatedAt = now;
            current.updatedBy = actor();
        });
        versions.flush();
        previous.ifPresent(p -> {
            NoticeDiff.Result diff = NoticeDiff.between(tree(p.content), tree(version.content));
            version.materialChange = diff.material();
            version.materialReasons = diff.reasons();
        });
        version.contentHash = CanonicalJson.sha256(tree(version.content));
        version.effectiveFrom = from;
        version.publishedAt = now;
        version.publishedBy = actor();
        version.updatedAt = now;
        version.updatedBy = actor();
        transition(version, VersionState.PUBLISHED, null, now);
        versions.flush();
        Integer previousVersion = previous.map(p -> p.number).orElse(null);
        outbox.publish(
                NoticeEvents.AGGREGATE,
                slug,
                NoticeEvents.PUBLISHED,
                new NoticeEvents.Published(
                        slug,
                        number,
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
                    new NoticeEvents.MaterialChange(slug, number, previousVersion, version.materialReasons));
        }
        return view(version);
    }

    @Transactional
    public NoticeVersionView retire(String slug, int number, long expectedVersion, String reason) {
        NoticeVersion version = version(notice(slug), number);
        if (version.state != VersionState.PUBLISHED) {
            throw ProblemException.conflict(
                    "version-not-published",
                    "Only the published version can be retired; version " + number + " is " + version.state);
        }
        ETags.requireCurrent(expectedVersion, version.rowVersion);
        Instant now = clock.instant();
        version.retiredAt = now;
        version.retiredBy = actor();
        version.retiredReason = reason;
        version.updatedAt = now;
        version.updatedBy = actor();
        transition(version, VersionState.RETIRED, reason, now);
        versions.flush();
        outbox.publish(
                NoticeEvents.AGGREGATE,
                slug,
                NoticeEvents.RETIRED,
                new NoticeEvents.Retired(slug, number, now, reason));
        return view(version);
    }

    @Transactional
    public NoticeDiffView diff(String slug, int from, int to) {
        Notice notice = notice(slug);
        NoticeVersion a = version(notice, from);
        NoticeVersion b = version(notice, to);
        NoticeDiff.Result result = NoticeDiff.between(tree(a.content), tree(b.content));
        return new NoticeDiffView(
                slug,
                from,
                to,
                result.material(),
                result.reasons(),
                result.changes().stream()
                        .map(c -> new ChangeView(c.field(), c.key(), c.kind(), c.before(), c.after()))
                        .toList());
    }

    /** The version the public sees now: the published one. */
    @Transactional
    public NoticeVersionView current(String slug) {
        Notice notice = notice(slug);
        NoticeVersion version = versions.findInState(notice.id, VersionState.PUBLISHED)
                .orElseThrow(() -> new ProblemException(
                        ProblemKind.NOT_FOUND,
                        "no-published-version",
                        "Notice '" + slug + "' has no published version"));
        return view(version);
    }

    /** A version the public has been shown; drafts are not public. */
    @Transactional
    public NoticeVersionView publicVersion(String slug, int number) {
        NoticeVersion version = versions.find(slug, number)
                .filter(v -> v.state.wasPublished())
                .orElseThrow(() -> ProblemException.notFound("Published version " + number + " of notice", slug));
        return view(version);
    }

    @Transactional
    public List<NoticeSummaryView> published() {
        List<Notice> all = notices.listAll();
        Map<UUID, List<NoticeVersion>> byNotice = versions
                .forNotices(all.stream().map(n -> n.id).toList())
                .stream()
                .collect(Collectors.groupingBy(v -> v.notice.id));
        return all.stream()
                .map(n -> summary(n, byNotice.getOrDefault(n.id, List.of())))
                .filter(s -> s.currentVersion() != null)
                .sorted(Comparator.comparing(NoticeSummaryView::slug))
                .toList();
    }

    public boolean exists(String slug) {
        return notices.findBySlug(slug).isPresent();
    }

    private NoticeVersion newVersion(Notice notice, int number, NoticeContent content, Instant now) {
        NoticeVersion version = new NoticeVersion();
        version.id = UUID.randomUUID();
        version.notice = notice;
        version.number = number;
        version.state = VersionState.DRAFT;
        version.content = write(content);
        version.title = title(content);
        version.createdAt = now;
        version.createdBy = actor();
        version.updatedAt = now;
        version.updatedBy = actor();
        versions.persist(version);
        NoticeVersionTransition created = new NoticeVersionTransition();
        created.id = UUID.randomUUID();
        created.versionId = version.id;
        created.toState = VersionState.DRAFT;
        created.actor = actor();
        created.at = now;
        versions.record(created);
        versions.flush();
        return version;
    }

    private void transition(NoticeVersion version, VersionState to, String reason, Instant at) {
        NoticeVersionTransition t = new NoticeVersionTransition();
        t.id = UUID.randomUUID();
        t.versionId = version.id;
        t.fromState = version.state;
        t.toState = to;
        t.actor = actor();
        t.at = at;
        t.reason = reason;
        t.contentHash = version.contentHash;
        version.state = to;
        versions.record(t);
    }

    private void requireDraft(NoticeVersion version, String action) {
        if (version.state != VersionState.DRAFT) {
            throw ProblemException.conflict(
                            "version-not-draft",
                            "Version " + version.number + " is " + version.state + " and cannot be " + action
                                    + "; published versions never change, create a new version instead")
                    .with("state", version.state);
        }
    }

    private static void requireNoViolations(List<RuleViolation> violations, String prefix) {
        if (violations.isEmpty()) {
            return;
        }
        RuleViolation first = violations.get(0);
        String detail = violations.size() == 1
                ? first.message()
                : first.message() + " (and " + (violations.size() - 1) + " more rule(s) broken)";
        throw new ProblemException(
                        ProblemKind.UNPROCESSABLE,
                        first.rule(),
                        detail,
                        violations.stream()
                                .map(v -> new FieldError(prefix + v.field(), v.rule() + ": " + v.message()))
                                .toList())
                .with(
                        "violations",
                        violations.stream()
                                .map(v -> new RuleViolationView(v.rule(), prefix + v.field(), v.message()))
                                .toList());
    }

    private Notice notice(String slug) {
        return notices.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Notice", slug));
    }

    private NoticeVersion version(Notice notice, int number) {
        return versions.find(notice.slug, number)
                .orElseThrow(() -> ProblemException.notFound("Version " + number + " of notice", notice.slug));
    }

    private String actor() {
        return identity == null || identity.isAnonymous()
                ? "system"
                : identity.getPrincipal().getName();
    }

    private NoticeSummaryView summary(Notice notice, List<NoticeVersion> all) {
        NoticeVersion published = all.stream()
                .filter(v -> v.state == VersionState.PUBLISHED)
                .findFirst()
                .orElse(null);
        NoticeVersion draft = all.stream()
                .filter(v -> v.state == VersionState.DRAFT)
                .findFirst()
                .orElse(null);
        NoticeVersion latest =
                all.stream().max(Comparator.comparingInt(v -> v.number)).orElse(null);
        NoticeVersion shown = published != null ? published : latest;
        return new NoticeSummaryView(
                notice.slug,
                shown == null ? null : shown.title,
                published == null ? null : published.number,
                draft == null ? null : draft.number,
                latest == null ? 0 : latest.number,
                notice.createdAt);
    }

    private static VersionSummaryView versionSummary(NoticeVersion v) {
        return new VersionSummaryView(
                v.number, v.state, v.title, v.contentHash, v.effectiveFrom, v.publishedAt, v.publishedBy);
    }

    private NoticeVersionView view(NoticeVersion v) {
        List<TransitionView> history = versions.transitions(v.id).stream()
                .map(t -> new TransitionView(t.fromState, t.toState, t.actor, t.at, t.reason, t.contentHash))
                .toList();
        return new NoticeVersionView(
                v.notice.slug,
                v.number,
                v.state,
                v.title,
                read(v.content),
                v.contentHash,
                v.effectiveFrom,
                v.publishedAt,
                v.publishedBy,
                v.materialChange,
                v.materialReasons,
                v.retiredAt,
                v.retiredBy,
                v.retiredReason,
                v.createdAt,
                v.createdBy,
                v.updatedAt,
                v.updatedBy,
                history,
                v.rowVersion);
    }

    private static String title(NoticeContent content) {
        NoticeContent.LocalisedText text = content.locales().get(content.defaultLocale());
        return text != null
                ? text.title()
                : content.locales().values().iterator().next().title();
    }

    private NoticeContent read(String json) {
        try {
            return mapper.readValue(json, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice content is unreadable", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice content is unreadable", e);
        }
    }

    private String write(NoticeContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice content cannot be serialised", e);
        }
    }
}
