package org.consentgov.agreement.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.domain.AgreementChecks.LinkedNotices;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.security.Caller;

/**
 * The lifecycle after signature: activation (a signed version, or a suspended agreement back into force),
 * suspension, termination, review, and expiry by the daily checks. Every change writes its history row and its
 * event in the same transaction.
 */
@ApplicationScoped
public class AgreementLifecycle {

    private final AgreementRepository agreements;
    private final AgreementStore store;
    private final AgreementChecks checks;
    private final AgreementActivation activation;
    private final EventLog events;
    private final Scopes scopes;
    private final Caller caller;
    private final Clock clock;

    public AgreementLifecycle(
            AgreementRepository agreements,
            AgreementStore store,
            AgreementChecks checks,
            AgreementActivation activation,
            EventLog events,
            Scopes scopes,
            Caller caller,
            Clock clock) {
        this.agreements = agreements;
        this.store = store;
        this.checks = checks;
        this.activation = activation;
        this.events = events;
        this.scopes = scopes;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Brings a version into force: the fully signed version put up for signature, or the suspended version back.
     * Without a version number, the one put up for signature if any, else the suspended one.
     */
    public AgreementDetails activate(UUID id, long expected, Integer number) {
        LinkedNotices notices = checks.linkedNotices(
                id,
                scopes.current(),
                agreement -> Optional.of(target(agreement, number))
                        .filter(v -> v.state == AgreementState.SUSPENDED
                                || v.state == AgreementState.PENDING_SIGNATURE
                                        && store.missingSignatures(v).isEmpty()));
        return QuarkusTransaction.joiningExisting().call(() -> {
            Agreement agreement = store.lock(id);
            ETags.requireCurrent(expected, agreement.rowVersion);
            AgreementVersion version = target(agreement, number);
            Instant now = clock.instant();
            switch (version.state) {
                case PENDING_SIGNATURE -> {
                    List<String> missing = store.missingSignatures(version);
                    if (!missing.isEmpty()) {
                        throw AgreementErrors.SIGNATURES_MISSING
                                .problem("Version " + version.number
                                        + " cannot come into force before every party has signed; waiting for "
                                        + String.join(", ", missing))
                                .with("awaitingSignature", missing);
                    }
                    activation.activate(
                            agreement, version, now, caller.name(), caller.org().orElse(null), notices);
                }
                case SUSPENDED -> reactivate(agreement, version, now, notices);
                default ->
                    throw AgreementErrors.CANNOT_ACTIVATE
                            .problem("Version " + version.number + " is " + version.state
                                    + "; only a signed version or a suspended one can be activated")
                            .with("state", version.state);
            }
            agreements.flush();
            return store.details(agreement, version);
        });
    }

    private void reactivate(Agreement agreement, AgreementVersion version, Instant now, LinkedNotices notices) {
        checks.forActivation(store.content(version), notices);
        version.state = AgreementState.ACTIVE;
        version.updatedAt = now;
        version.updatedBy = caller.name();
        agreement.state = AgreementState.ACTIVE;
        store.history(agreement, version, "REACTIVATED", AgreementState.SUSPENDED, AgreementState.ACTIVE, null, now);
        Map<String, Object> payload = store.payload(agreement, version);
        payload.put("reactivated", true);
        events.agreement(EventTypes.ACTIVATED, agreement.id, payload, now, caller.name());
        store.touch(agreement, now);
    }

    /** The version activate works on: the one named, else the one pending signature, else the one in force. */
    private AgreementVersion target(Agreement agreement, Integer number) {
        if (number != null) {
            return store.version(agreement, number);
        }
        if (agreement.openVersion != null) {
            AgreementVersion open = store.version(agreement, agreement.openVersion);
            if (open.state == AgreementState.PENDING_SIGNATURE) {
                return open;
            }
        }
        return store.version(
                agreement, agreement.effectiveVersion != null ? agreement.effectiveVersion : agreement.latestVersion);
    }

    @Transactional
    public AgreementDetails suspend(UUID id, long expected, String reason) {
        Agreement agreement = store.lock(id);
        if (agreement.state != AgreementState.ACTIVE) {
            throw AgreementErrors.AGREEMENT_NOT_ACTIVE
                    .problem("The agreement is " + agreement.state + "; only an active agreement can be suspended")
                    .with("state", agreement.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        AgreementVersion version = store.version(agreement, agreement.effectiveVersion);
        Instant now = clock.instant();
        version.state = AgreementState.SUSPENDED;
        version.updatedAt = now;
        version.updatedBy = caller.name();
        agreement.state = AgreementState.SUSPENDED;
        store.history(agreement, version, "SUSPENDED", AgreementState.ACTIVE, AgreementState.SUSPENDED, reason, now);
        Map<String, Object> payload = store.payload(agreement, version);
        payload.put("reason", reason);
        events.agreement(EventTypes.SUSPENDED, agreement.id, payload, now, caller.name());
        store.touch(agreement, now);
        agreements.flush();
        return store.details(agreement, version);
    }

    /** Ends the agreement for good: the version in force and any variation under way. */
    @Transactional
    public AgreementDetails terminate(UUID id, long expected, String reason) {
        Agreement agreement = store.lock(id);
        if (agreement.state.ended()) {
            throw AgreementErrors.AGREEMENT_ENDED
                    .problem("The agreement is already " + agreement.state)
                    .with("state", agreement.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        Instant now = clock.instant();
        AgreementVersion shown = end(agreement, AgreementState.TERMINATED, "TERMINATED", reason, now, caller.name());
        Map<String, Object> payload = store.payload(agreement, shown);
        payload.put("reason", reason);
        events.agreement(EventTypes.TERMINATED, agreement.id, payload, now, caller.name());
        store.touch(agreement, now);
        agreements.flush();
        return store.details(agreement, shown);
    }

    /** Expiry by the daily checks: the day after the end date of the version in force. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Agreement agreement, Instant now) {
        AgreementVersion shown =
                end(agreement, AgreementState.EXPIRED, "EXPIRED", "the end date has passed", now, Caller.SYSTEM);
        events.agreement(EventTypes.EXPIRED, agreement.id, store.payload(agreement, shown), now, Caller.SYSTEM);
        AgreementStore.touch(agreement, now, Caller.SYSTEM);
    }

    /**
     * Records a review: the next one falls due one review cycle from today, and a flag raised by a material
     * change of a linked notice ({@link LinkedNoticeChanges}) is cleared.
     */
    @Transactional
    public AgreementDetails review(UUID id, long expected, String note) {
        Agreement agreement = store.lock(id);
        if (!agreement.state.inForce()) {
            throw AgreementErrors.AGREEMENT_NOT_IN_FORCE
                    .problem("The agreement is " + agreement.state + "; only an agreement in force is reviewed")
                    .with("state", agreement.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        AgreementVersion version = store.version(agreement, agreement.effectiveVersion);
        Instant now = clock.instant();
        agreement.nextReviewOn =
                AgreementDates.day(now).plusMonths(store.content(version).reviewCycleMonths());
        agreement.reviewNotifiedFor = null;
        boolean noticeChangesReviewed = agreement.reviewRequired;
        agreement.reviewRequired = false;
        agreement.reviewNoticeChanges = "[]";
        store.history(agreement, version, "REVIEWED", version.state, version.state, note, now);
        Map<String, Object> payload = store.payload(agreement, version);
        payload.put("nextReviewOn", agreement.nextReviewOn.toString());
        if (noticeChangesReviewed) {
            payload.put("reviewRequiredCleared", true);
        }
        events.agreement(EventTypes.REVIEWED, agreement.id, payload, now, caller.name());
        store.touch(agreement, now);
        agreements.flush();
        return store.details(agreement, version);
    }

    /** Ends the version in force and any open version; returns the version to show. */
    private AgreementVersion end(
            Agreement agreement, AgreementState to, String action, String reason, Instant now, String actor) {
        AgreementVersion shown = null;
        for (Integer number : new Integer[] {agreement.effectiveVersion, agreement.openVersion}) {
            if (number == null) {
                continue;
            }
            AgreementVersion v = store.version(agreement, number);
            if (v.state.ended() || v.state == AgreementState.SUPERSEDED) {
                continue;
            }
            AgreementState from = v.state;
            v.state = to;
            v.endedAt = now;
            v.updatedAt = now;
            v.updatedBy = actor;
            store.history(
                    agreement,
                    v,
                    action,
                    from,
                    to,
                    reason,
                    now,
                    actor,
                    Caller.SYSTEM.equals(actor) ? null : caller.org().orElse(null));
            if (shown == null) {
                shown = v;
            }
        }
        agreement.state = to;
        agreement.openVersion = null;
        return shown != null ? shown : store.version(agreement, agreement.currentVersion());
    }
}
