package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.problem.ProblemException;

/** The DPO invalidates a record recorded in error: it then never counts, not even for past dates. */
@ApplicationScoped
public class ConsentInvalidation {

    private final ConsentRecordRepository records;
    private final ConsentHistory history;
    private final ConsentEventPublisher events;
    private final ConsentDetailsReader details;
    private final ConsentTime time;
    private final SubjectAccessLog accessLog;

    public ConsentInvalidation(
            ConsentRecordRepository records,
            ConsentHistory history,
            ConsentEventPublisher events,
            ConsentDetailsReader details,
            ConsentTime time,
            SubjectAccessLog accessLog) {
        this.records = records;
        this.history = history;
        this.events = events;
        this.details = details;
        this.time = time;
        this.accessLog = accessLog;
    }

    @Transactional
    public ConsentDetails invalidate(UUID id, long expectedVersion, String reason) {
        ConsentRecord record = records.lock(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
        ETags.requireCurrent(expectedVersion, record.rowVersion);
        if (record.state == ConsentState.INVALIDATED) {
            throw ConsentErrors.RECORD_NOT_ACTIVE.problem("Record " + id + " is already invalidated");
        }
        Instant now = time.now();
        ConsentState from = record.state;
        record.state = ConsentState.INVALIDATED;
        record.effective = false;
        if (record.endedAt == null) {
            record.endedAt = now;
        }
        history.append(record, "invalidated", from, ConsentState.INVALIDATED, reason, history.payload(), now);
        records.flush();
        events.publish(ConsentEvents.INVALIDATED, record, now, null, null);
        accessLog.record(AccessedSubject.byId(record.subjectId), ConsentAccess.INVALIDATE_CONSENT);
        return details.details(record, true);
    }
}
