package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.domain.AgreementContent.NoticeLink;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.platform.events.subscription.EventReaction;
import org.consentgov.platform.events.subscription.NoticeMaterialChange;
import org.consentgov.platform.events.subscription.ReceivedEvent;
import org.consentgov.platform.problem.ErrorCode;
import org.consentgov.platform.security.Caller;

/**
 * Agreements follow their notices: when notice-service says a notice changed materially
 * ({@code org.consentgov.notice.material-change}), every agreement in force (ACTIVE or SUSPENDED) whose version in
 * force links an older version of that notice is flagged {@code reviewRequired}, with the change, a
 * {@code REVIEW_REQUIRED} history row and an {@code agreement.review-required} event, in one transaction. The
 * agreement stays in force: the families were told through a notice that now says more, and the DPO decides
 * whether the agreement still matches it (a review clears the flag, {@link AgreementLifecycle#review}). Drafts and
 * versions awaiting signature are not flagged: submission and activation check the linked notice anyway. Run once
 * per event id by the platform's {@code EventInbox} (ids in {@code processed_notice_event}).
 */
@ApplicationScoped
public class LinkedNoticeChanges implements EventReaction {

    private final AgreementRepository agreements;
    private final AgreementStore store;
    private final EventLog events;
    private final AgreementContentJson json;
    private final Clock clock;

    LinkedNoticeChanges(
            AgreementRepository agreements,
            AgreementStore store,
            EventLog events,
            AgreementContentJson json,
            Clock clock) {
        this.agreements = agreements;
        this.store = store;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String processedEventsTable() {
        return "processed_notice_event";
    }

    @Override
    public ErrorCode invalidEvent() {
        return AgreementErrors.INVALID_EVENT;
    }

    @Override
    public void check(ReceivedEvent event) {
        NoticeMaterialChange.check(event, AgreementErrors.INVALID_EVENT);
    }

    @Override
    public int apply(ReceivedEvent event) {
        if (!NoticeMaterialChange.is(event)) {
            return 0;
        }
        NoticeMaterialChange material = NoticeMaterialChange.of(event);
        String slug = material.slug();
        int version = material.version();
        Integer previous = material.previousVersion();
        List<String> reasons = material.reasons();
        Instant now = clock.instant();
        int flagged = 0;
        for (UUID id : agreements.linking(slug)) {
            Agreement agreement = store.lock(id, Scope.everything());
            if (!agreement.state.inForce()) {
                continue;
            }
            AgreementVersion inForce = store.version(agreement, agreement.effectiveVersion);
            Optional<NoticeLink> link = store.content(inForce).linkedNotices().stream()
                    .filter(l -> slug.equals(l.slug()))
                    .findFirst();
            List<NoticeChange> changes = json.noticeChanges(agreement.reviewNoticeChanges);
            if (link.isEmpty()
                    || link.get().version() >= version
                    || changes.stream().anyMatch(c -> c.notice().equals(slug) && c.version() == version)) {
                continue;
            }
            NoticeChange change =
                    new NoticeChange(slug, link.get().version(), previous, version, reasons, event.id(), now);
            changes.add(change);
            agreement.reviewRequired = true;
            agreement.reviewNoticeChanges = json.write(changes);
            store.history(
                    agreement,
                    inForce,
                    "REVIEW_REQUIRED",
                    inForce.state,
                    inForce.state,
                    reason(change),
                    now,
                    Caller.SYSTEM,
                    null);
            Map<String, Object> payload = store.payload(agreement, inForce);
            payload.put("notice", slug);
            payload.put("linkedNoticeVersion", change.linkedVersion());
            if (previous != null) {
                payload.put("previousNoticeVersion", previous);
            }
            payload.put("noticeVersion", version);
            payload.put("reasons", reasons);
            events.agreement(EventTypes.REVIEW_REQUIRED, agreement.id, payload, now, Caller.SYSTEM);
            AgreementStore.touch(agreement, now, Caller.SYSTEM);
            flagged++;
        }
        agreements.flush();
        return flagged;
    }

    static String reason(NoticeChange change) {
        String reason = "notice " + change.notice() + " changed materially in version " + change.version()
                + " (the agreement links version " + change.linkedVersion() + ")"
                + (change.reasons().isEmpty() ? "" : ": " + String.join("; ", change.reasons()));
        return reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    }
}
