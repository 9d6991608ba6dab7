package org.consentgov.notice.domain;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.persistence.Notice;
import org.consentgov.notice.persistence.NoticeRepository;
import org.consentgov.notice.persistence.NoticeVersion;
import org.consentgov.notice.persistence.NoticeVersionRepository;
import org.consentgov.notice.persistence.NoticeVersionTransition;
import org.consentgov.platform.problem.ProblemException;

/**
 * What every notice use case shares: finding a notice or version (404 otherwise), creating a draft with its
 * first history row, recording a state change, the acting user, and the stored version as a domain result.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class NoticeStore {

    private final NoticeRepository notices;
    private final NoticeVersionRepository versions;
    private final NoticeContentJson json;
    private final SecurityIdentity identity;

    public NoticeStore(
            NoticeRepository notices,
            NoticeVersionRepository versions,
            NoticeContentJson json,
            SecurityIdentity identity) {
        this.notices = notices;
        this.versions = versions;
        this.json = json;
        this.identity = identity;
    }

    Notice notice(String slug) {
        return notices.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Notice", slug));
    }

    NoticeVersion version(Notice notice, int number) {
        return versions.find(notice.slug, number)
                .orElseThrow(() -> ProblemException.notFound("Version " + number + " of notice", notice.slug));
    }

    String actor() {
        return identity == null || identity.isAnonymous()
                ? "system"
                : identity.getPrincipal().getName();
    }

    NoticeVersion newVersion(Notice notice, int number, NoticeContent content, Instant now) {
        NoticeVersion version = new NoticeVersion();
        version.id = UUID.randomUUID();
        version.notice = notice;
        version.number = number;
        version.state = VersionState.DRAFT;
        version.content = json.write(content);
        version.title = NoticeContentJson.title(content);
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

    void transition(NoticeVersion version, VersionState to, String reason, Instant at) {
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

    static void requireDraft(NoticeVersion version, String action) {
        if (version.state != VersionState.DRAFT) {
            throw NoticeErrors.VERSION_NOT_DRAFT
                    .problem("Version " + version.number + " is " + version.state + " and cannot be " + action
                            + "; published versions never change, create a new version instead")
                    .with("state", version.state);
        }
    }

    VersionDetails details(NoticeVersion v) {
        return details(v, versions.forNotice(v.notice.id));
    }

    /** The version's details, its in-force interval taken from {@code allOfNotice} (every version of its notice). */
    VersionDetails details(NoticeVersion v, Collection<NoticeVersion> allOfNotice) {
        InForce inForce = InForce.of(v, allOfNotice);
        List<VersionDetails.StateChange> history = versions.transitions(v.id).stream()
                .map(t ->
                        new VersionDetails.StateChange(t.fromState, t.toState, t.actor, t.at, t.reason, t.contentHash))
                .toList();
        return new VersionDetails(
                v.notice.slug,
                v.number,
                v.state,
                v.title,
                json.read(v.content),
                v.contentHash,
                v.effectiveFrom,
                v.publishedAt,
                v.publishedBy,
                inForce.from(),
                inForce.until(),
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

    /** The version summarised, its in-force interval taken from every version of its notice. */
    static VersionSummary summary(NoticeVersion v, Collection<NoticeVersion> allOfNotice) {
        InForce inForce = InForce.of(v, allOfNotice);
        return new VersionSummary(
                v.number,
                v.state,
                v.title,
                v.contentHash,
                v.effectiveFrom,
                v.publishedAt,
                v.publishedBy,
                inForce.from(),
                inForce.until());
    }
}
