package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.PartyDecision;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.domain.ConsentRecordFactory.CheckedForm;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.notices.NoticeDirectory;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.consent.persistence.Subject;
import org.consentgov.consent.persistence.SubjectRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.problem.ProblemException;

/** Recording a consent form, and adding a party's later decision to a record. */
@ApplicationScoped
public class ConsentRecording {

    private final ConsentRecordRepository records;
    private final SubjectRepository subjects;
    private final SubjectService subjectService;
    private final SubjectAccessLog accessLog;
    private final ConsentRecordFactory factory;
    private final ConsentHistory history;
    private final ConsentEventPublisher events;
    private final NoticeDirectory notices;
    private final ConsentDetailsReader details;
    private final ConsentTime time;

    public ConsentRecording(
            ConsentRecordRepository records,
            SubjectRepository subjects,
            SubjectService subjectService,
            SubjectAccessLog accessLog,
            ConsentRecordFactory factory,
            ConsentHistory history,
            ConsentEventPublisher events,
            NoticeDirectory notices,
            ConsentDetailsReader details,
            ConsentTime time) {
        this.records = records;
        this.subjects = subjects;
        this.subjectService = subjectService;
        this.accessLog = accessLog;
        this.factory = factory;
        this.history = history;
        this.events = events;
        this.notices = notices;
        this.details = details;
        this.time = time;
    }

    /** Records a form; a newer record for the same subject and notice replaces the one in force. */
    @Transactional
    public ConsentDetails record(RecordConsent command) {
        CheckedForm form = factory.check(command);
        Subject subject = command.subjectId() != null
                ? subjects.findByIdOptional(command.subjectId())
                        .orElseThrow(() -> ConsentErrors.UNKNOWN_SUBJECT.problem(
                                "No subject has id " + command.subjectId(), "subjectId"))
                : subjectService.resolveOrCreate(command.subject(), "subject");
        form = factory.checkDates(form, subject.dateOfBirth);

        Instant now = time.now();
        ConsentRecord record = factory.newRecord(form, subject.id, subject.dateOfBirth, now);
        List<ConsentRecord> replaced =
                records.activeFor(subject.id, form.notice().slug());
        // chained before it is persisted: the record is inserted with its history head, never updated in the flush
        HistoryEntry recorded = factory.recordedEntry(record, now);
        records.persist(record);
        record.parties.forEach(records::persistParty);
        records.append(recorded);
        for (ConsentRecord old : replaced) {
            records.append(factory.supersede(old, record.id, now));
        }
        records.flush();
        String type = ConsentRecordFactory.recordedEventType(record);
        if (type != null) {
            events.publish(type, record, now, null, null);
        }
        for (ConsentRecord old : replaced) {
            events.publish(ConsentEvents.SUPERSEDED, old, now, null, record.id);
        }
        accessLog.record(AccessedSubject.byId(subject.id), ConsentAccess.RECORD_CONSENT);
        return details.details(record, true);
    }

    /** Adds a party's later decision, e.g. the parent's consent that was missing. */
    @Transactional
    public ConsentDetails addParty(UUID id, long expectedVersion, PartyDecision decision) {
        ConsentRecord record = records.lock(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
        ETags.requireCurrent(expectedVersion, record.rowVersion);
        if (record.state != ConsentState.ACTIVE) {
            throw ConsentErrors.RECORD_NOT_ACTIVE
                    .problem("Record " + id + " is " + record.state + "; parties can only be added to an active record")
                    .with("state", record.state);
        }
        factory.checkAddedParty(record, decision);
        var terms = notices.published(record.noticeSlug, record.noticeVersion)
                .content()
                .consent();
        Subject subject = subjects.findById(record.subjectId);
        Instant now = time.now();
        ConsentParty party = factory.party(record, record.parties.size(), decision, now);
        record.parties.add(party);
        records.persistParty(party);
        ConsentState from = record.state;
        boolean wasEffective = record.effective;
        Instant signed = WithdrawalPolicy.startOf(
                decision.decidedOn().isAfter(record.givenOn) ? decision.decidedOn() : record.givenOn);
        ConsentRecordFactory.reevaluate(record, subject.dateOfBirth, terms, signed);
        history.append(record, "party-added", from, record.state, null, history.partyAddedPayload(record, party), now);
        records.flush();
        if (record.effective && !wasEffective) {
            events.publish(ConsentEvents.GIVEN, record, now, null, null);
        } else if (record.state == ConsentState.REFUSED && from != ConsentState.REFUSED) {
            events.publish(ConsentEvents.REFUSED, record, now, null, null);
        }
        accessLog.record(AccessedSubject.byId(record.subjectId), ConsentAccess.ADD_PARTY);
        return details.details(record, true);
    }
}
