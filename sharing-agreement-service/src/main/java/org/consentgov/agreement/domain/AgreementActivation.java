package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.consentgov.agreement.domain.AgreementChecks.LinkedNotices;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;

/**
 * Brings a fully signed version into force, in its caller's transaction: by the last signature
 * ({@link AgreementSigning}) or by the DPO ({@link AgreementLifecycle}). The rules are checked again; the
 * version in force before is superseded; the access window and the next review are set.
 */
@ApplicationScoped
class AgreementActivation {

    private final AgreementRepository agreements;
    private final AgreementStore store;
    private final AgreementChecks checks;
    private final EventLog events;

    AgreementActivation(AgreementRepository agreements, AgreementStore store, AgreementChecks checks, EventLog events) {
        this.agreements = agreements;
        this.store = store;
        this.checks = checks;
        this.events = events;
    }

    void activate(
            Agreement agreement,
            AgreementVersion version,
            Instant now,
            String actor,
            String actorOrg,
            LinkedNotices notices) {
        AgreementContent content = store.content(version);
        checks.forActivation(content, notices);
        if (agreement.effectiveVersion != null && agreement.effectiveVersion != version.number) {
            AgreementVersion previous = store.version(agreement, agreement.effectiveVersion);
            AgreementState from = previous.state;
            previous.state = AgreementState.SUPERSEDED;
            previous.endedAt = now;
            previous.updatedAt = now;
            previous.updatedBy = actor;
            store.history(
                    agreement,
                    previous,
                    "SUPERSEDED",
                    from,
                    AgreementState.SUPERSEDED,
                    "superseded by version " + version.number,
                    now,
                    actor,
                    actorOrg);
            agreements.flush();
        }
        version.state = AgreementState.ACTIVE;
        version.activatedAt = now;
        version.effectiveFrom = AgreementDates.effectiveFrom(content.startDate(), now);
        version.updatedAt = now;
        version.updatedBy = actor;
        agreement.state = AgreementState.ACTIVE;
        agreement.effectiveVersion = version.number;
        agreement.openVersion = null;
        Instant accessEnds = null;
        if (content.accessLimit() != null) {
            if (content.accessLimit().startsOn() != null) {
                agreement.accessStartedAt =
                        AgreementDates.startOf(content.accessLimit().startsOn());
            } else if (agreement.accessStartedAt == null) {
                // a variation does not restart the clock: access runs from when it first began
                agreement.accessStartedAt = version.effectiveFrom;
            }
            accessEnds = AgreementDates.accessEnd(
                    agreement.accessStartedAt, content.accessLimit().months());
        }
        if (!Objects.equals(accessEnds, agreement.accessEndsAt)) {
            agreement.accessEndsAt = accessEnds;
            agreement.accessEndingNotifiedAt = null;
            agreement.accessEndedNotifiedAt = null;
        }
        agreement.nextReviewOn = AgreementDates.day(version.effectiveFrom).plusMonths(content.reviewCycleMonths());
        agreement.reviewNotifiedFor = null;
        store.history(
                agreement,
                version,
                "ACTIVATED",
                AgreementState.PENDING_SIGNATURE,
                AgreementState.ACTIVE,
                null,
                now,
                actor,
                actorOrg);
        Map<String, Object> payload = store.payload(agreement, version);
        payload.put("effectiveFrom", version.effectiveFrom.toString());
        if (agreement.accessEndsAt != null) {
            payload.put("accessEndsAt", agreement.accessEndsAt.toString());
        }
        events.agreement(EventTypes.ACTIVATED, agreement.id, payload, now, actor);
        AgreementStore.touch(agreement, now, actor);
    }
}
