package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.config.AgreementConfig;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementStateLocks;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.platform.persistence.AdvisoryLocks;
import org.consentgov.platform.security.Caller;

/**
 * The daily checks, as a plain method of the time they run at: agreements past their end date expire, reviews
 * falling due within the lead time and research access windows ending (or ended) raise their events. Each
 * event is raised once, however often the checks run; several replicas take turns through an advisory lock.
 */
@ApplicationScoped
public class DailyChecks {

    /** Any fixed number: the key of the advisory lock that lets one replica at a time run the checks. */
    static final long LOCK_KEY = 8_083_001L;

    public record Result(
            boolean ran,
            List<UUID> expired,
            List<UUID> reviewDue,
            List<UUID> accessWindowEnding,
            List<UUID> accessWindowEnded) {}

    private final AgreementRepository agreements;
    private final AgreementStateLocks locks;
    private final AgreementLifecycle lifecycle;
    private final AgreementContentJson contentJson;
    private final EventLog events;
    private final AgreementConfig config;

    public DailyChecks(
            AgreementRepository agreements,
            AgreementStateLocks locks,
            AgreementLifecycle lifecycle,
            AgreementContentJson contentJson,
            EventLog events,
            AgreementConfig config) {
        this.agreements = agreements;
        this.locks = locks;
        this.lifecycle = lifecycle;
        this.contentJson = contentJson;
        this.events = events;
        this.config = config;
    }

    @Transactional
    public Result runDailyChecks(Instant now) {
        if (!AdvisoryLocks.tryForTransaction(agreements.getEntityManager(), LOCK_KEY)) {
            return new Result(false, List.of(), List.of(), List.of(), List.of());
        }
        LocalDate today = AgreementDates.day(now);
        List<UUID> expired = new ArrayList<>();
        for (AgreementVersion v : agreements.inForceEndedBefore(today)) {
            locks.lockInForceState(v.agreementId);
            Agreement a =
                    agreements.getEntityManager().find(Agreement.class, v.agreementId, LockModeType.PESSIMISTIC_WRITE);
            lifecycle.expire(a, now);
            expired.add(a.id);
        }
        agreements.flush();

        List<UUID> reviewDue = new ArrayList<>();
        for (Agreement a : agreements.reviewDueBy(
                AgreementDates.day(now.plus(config.dailyChecks().reviewLeadTime())))) {
            Map<String, Object> payload = payload(a);
            payload.put("reviewDueOn", a.nextReviewOn.toString());
            events.agreement(EventTypes.REVIEW_DUE, a.id, payload, now, Caller.SYSTEM);
            a.reviewNotifiedFor = a.nextReviewOn;
            reviewDue.add(a.id);
        }

        List<UUID> ending = new ArrayList<>();
        for (Agreement a :
                agreements.accessEndingBy(now.plus(config.dailyChecks().accessWindowLeadTime()))) {
            if (now.isBefore(a.accessEndsAt)) {
                events.agreement(EventTypes.ACCESS_WINDOW_ENDING, a.id, accessPayload(a), now, Caller.SYSTEM);
                ending.add(a.id);
            }
            a.accessEndingNotifiedAt = now;
        }

        List<UUID> ended = new ArrayList<>();
        for (Agreement a : agreements.accessEndedBy(now)) {
            events.agreement(EventTypes.ACCESS_WINDOW_ENDED, a.id, accessPayload(a), now, Caller.SYSTEM);
            a.accessEndedNotifiedAt = now;
            ended.add(a.id);
        }
        agreements.flush();
        return new Result(true, expired, reviewDue, ending, ended);
    }

    private Map<String, Object> payload(Agreement a) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", a.id.toString());
        payload.put("reference", a.reference);
        payload.put("version", a.effectiveVersion);
        payload.put("state", a.state.name());
        return payload;
    }

    private Map<String, Object> accessPayload(Agreement a) {
        Map<String, Object> payload = payload(a);
        AgreementContent content =
                contentJson.read(agreements.version(a.id, a.effectiveVersion).orElseThrow().content);
        if (content.accessLimit() != null) {
            payload.put("recipients", content.accessLimit().recipients());
            payload.put("after", content.accessLimit().after().name());
        }
        payload.put("accessStartedAt", a.accessStartedAt.toString());
        payload.put("accessEndsAt", a.accessEndsAt.toString());
        return payload;
    }
}
