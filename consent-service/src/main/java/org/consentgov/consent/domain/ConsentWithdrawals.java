package org.consentgov.consent.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.LateWithdrawalResolution;
import org.consentgov.consent.domain.ConsentCommands.Withdraw;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.WithdrawalRequest;
import org.consentgov.consent.persistence.WithdrawalRequestRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.vocabulary.Vocabulary;

/** Withdrawing a consent; the DPO's queue of late withdrawals and their resolution. */
@ApplicationScoped
public class ConsentWithdrawals {

    /** What became of a withdrawal: the decision, the record as it now stands, and the referral if there is one. */
    public record WithdrawalResult(WithdrawalDecision decision, ConsentDetails record, WithdrawalRequest referral) {}

    private final ConsentRecordRepository records;
    private final WithdrawalRequestRepository withdrawals;
    private final ConsentHistory history;
    private final ConsentEventPublisher events;
    private final ConsentDetailsReader details;
    private final Vocabulary vocabulary;
    private final Caller caller;
    private final ConsentTime time;
    private final SubjectAccessLog accessLog;

    public ConsentWithdrawals(
            ConsentRecordRepository records,
            WithdrawalRequestRepository withdrawals,
            ConsentHistory history,
            ConsentEventPublisher events,
            ConsentDetailsReader details,
            Vocabulary vocabulary,
            Caller caller,
            ConsentTime time,
            SubjectAccessLog accessLog) {
        this.records = records;
        this.withdrawals = withdrawals;
        this.history = history;
        this.events = events;
        this.details = details;
        this.vocabulary = vocabulary;
        this.caller = caller;
        this.time = time;
        this.accessLog = accessLog;
    }

    /**
     * Inside the window (or when withdrawal is allowed at any time) the record is withdrawn at once. Outside it,
     * the wish is stored as a request referred to the DPO and the result says so. Either way the transaction
     * commits: a person's stated wish is never dropped.
     */
    @Transactional
    public WithdrawalResult withdraw(UUID id, Long expectedVersion, Withdraw command) {
        ConsentRecord record = lock(id);
        if (expectedVersion != null) {
            ETags.requireCurrent(expectedVersion, record.rowVersion);
        }
        if (vocabulary.partyRole(command.requestedBy()).isEmpty()) {
            throw ConsentErrors.UNKNOWN_PARTY_ROLE.problem(
                    "'" + command.requestedBy() + "' is not a party role", "requestedBy");
        }
        if (record.state != ConsentState.ACTIVE) {
            throw ConsentErrors.RECORD_NOT_ACTIVE
                    .problem("Record " + id + " is " + record.state + " and cannot be withdrawn")
                    .with("state", record.state);
        }
        LocalDate requestedOn = requestedOn(record, command);
        Instant now = time.now();
        WithdrawalDecision decision = WithdrawalPolicy.ofRecord(
                        record.formReceivedOn, record.withdrawalAnyTime, record.withdrawalWindowEndsOn)
                .decide(requestedOn);
        if (decision == WithdrawalDecision.WITHDRAWN) {
            // valid time: the consent stops counting from the start of the day the child or parent asked
            withdrawNow(
                    record,
                    command.requestedBy(),
                    command.channel(),
                    command.reason(),
                    requestedOn,
                    WithdrawalPolicy.startOf(requestedOn),
                    now,
                    "withdrawn");
            accessLog.record(AccessedSubject.byId(record.subjectId), ConsentAccess.WITHDRAW_CONSENT);
            return new WithdrawalResult(decision, details.details(record, true), null);
        }
        WithdrawalRequest referred = new WithdrawalRequest();
        referred.id = UUID.randomUUID();
        referred.recordId = record.id;
        referred.requestedBy = command.requestedBy();
        referred.channel = command.channel();
        referred.reason = command.reason();
        referred.receivedAt = now;
        referred.requestedOn = requestedOn;
        referred.windowEndedOn = record.withdrawalWindowEndsOn;
        referred.status = WithdrawalRequest.Status.REFERRED;
        referred.recordedBy = caller.name();
        withdrawals.persist(referred);
        ObjectNode payload = history.payload()
                .put("withdrawalRequestId", referred.id.toString())
                .put("requestedBy", command.requestedBy())
                .put("windowEndedOn", record.withdrawalWindowEndsOn.toString())
                .put("requestedOn", requestedOn.toString());
        history.append(
                record,
                "withdrawal-referred-to-dpo",
                record.state,
                record.state,
                "withdrawal asked for on " + requestedOn + ", after the window closed; referred to the DPO"
                        + (command.reason() == null ? "" : ": " + command.reason()),
                payload,
                now);
        records.flush();
        events.withdrawal(
                ConsentEvents.WITHDRAWAL_REFERRED,
                record,
                now,
                command.requestedBy(),
                referred.id,
                record.withdrawalWindowEndsOn,
                null,
                requestedOn);
        accessLog.record(AccessedSubject.byId(record.subjectId), ConsentAccess.WITHDRAW_CONSENT);
        return new WithdrawalResult(decision, details.details(record, true), referred);
    }

    /**
     * The DPO's queue: late withdrawal requests, oldest first, optionally of one status. A request carries the
     * person's words: one access row per subject whose requests are on the page.
     */
    @Transactional
    public PageView<WithdrawalRequest> requests(WithdrawalRequest.Status status, int page, int size) {
        List<WithdrawalRequest> found = withdrawals.page(status, page, size);
        Map<UUID, UUID> subjects =
                records.subjectsOf(found.stream().map(r -> r.recordId).toList());
        accessLog.recordEach(
                found.stream()
                        .map(r -> AccessedSubject.byId(subjects.get(r.recordId)))
                        .toList(),
                ConsentAccess.LIST_WITHDRAWAL_REQUESTS,
                status == null ? null : "filter: status=" + status);
        return PageView.of(found, page, size, withdrawals.count(status));
    }

    /** One late withdrawal request; the read is logged as an access to its subject. */
    @Transactional
    public WithdrawalRequest request(UUID requestId) {
        WithdrawalRequest request = find(requestId);
        accessLog.record(subjectOf(request), ConsentAccess.READ_WITHDRAWAL_REQUEST);
        return request;
    }

    private WithdrawalRequest find(UUID requestId) {
        return withdrawals
                .findByIdOptional(requestId)
                .orElseThrow(() -> ProblemException.notFound("Withdrawal request", requestId));
    }

    private AccessedSubject subjectOf(WithdrawalRequest request) {
        return AccessedSubject.byId(
                records.subjectsOf(List.of(request.recordId)).get(request.recordId));
    }

    /**
     * The DPO accepts (the record is withdrawn now) or declines a late withdrawal; either way it joins the history.
     * {@code expectedVersion} is the request's version the DPO last read (its ETag); another is 412.
     */
    @Transactional
    public WithdrawalRequest resolve(
            UUID requestId, long expectedVersion, LateWithdrawalResolution decision, String note) {
        WithdrawalRequest request = find(requestId);
        if (request.status != WithdrawalRequest.Status.REFERRED) {
            throw ConsentErrors.ALREADY_RESOLVED.problem("This withdrawal request was already " + request.status);
        }
        ETags.requireCurrent(expectedVersion, request.rowVersion);
        ConsentRecord record = lock(request.recordId);
        Instant now = time.now();
        request.resolvedBy = caller.name();
        request.resolvedAt = now;
        request.resolutionNote = note;
        if (decision == LateWithdrawalResolution.ACCEPT) {
            request.status = WithdrawalRequest.Status.ACCEPTED;
            if (record.state == ConsentState.ACTIVE) {
                // a referred withdrawal stops the consent from the DPO's resolution, not from the day it was asked
                withdrawNow(
                        record,
                        request.requestedBy,
                        request.channel,
                        "late withdrawal accepted by the DPO: " + note,
                        request.requestedOn,
                        now,
                        now,
                        "late-withdrawal-accepted");
            }
        } else {
            request.status = WithdrawalRequest.Status.DECLINED;
            history.append(
                    record,
                    "late-withdrawal-declined",
                    record.state,
                    record.state,
                    note,
                    history.payload().put("withdrawalRequestId", request.id.toString()),
                    now);
        }
        records.flush();
        events.withdrawal(
                ConsentEvents.LATE_WITHDRAWAL_RESOLVED,
                record,
                now,
                request.requestedBy,
                request.id,
                null,
                request.status.name(),
                null);
        accessLog.record(AccessedSubject.byId(record.subjectId), ConsentAccess.RESOLVE_WITHDRAWAL_REQUEST);
        return request;
    }

    /**
     * The day the withdrawal was asked for: as given, or today (London). Not in the future, not before the form was
     * signed; a day before today (keyed late) needs a reason, kept in the history.
     */
    private LocalDate requestedOn(ConsentRecord record, Withdraw command) {
        LocalDate today = time.today();
        LocalDate requestedOn = command.requestedOn() == null ? today : command.requestedOn();
        if (requestedOn.isAfter(today)) {
            throw ConsentErrors.DATE_IN_FUTURE.problem("A withdrawal cannot be asked for in the future", "requestedOn");
        }
        if (requestedOn.isBefore(record.givenOn)) {
            throw ConsentErrors.REQUESTED_BEFORE_FORM
                    .problem(
                            "The withdrawal cannot have been asked for before the form was signed on " + record.givenOn,
                            "requestedOn")
                    .with("givenOn", record.givenOn.toString());
        }
        if (requestedOn.isBefore(today)
                && (command.reason() == null || command.reason().isBlank())) {
            throw ConsentErrors.REASON_REQUIRED.problem(
                    "A withdrawal asked for before today (" + requestedOn
                            + ") is keyed late: say why in reason, e.g. who was told and when",
                    "reason");
        }
        return requestedOn;
    }

    private void withdrawNow(
            ConsentRecord record,
            String requestedBy,
            String channel,
            String reason,
            LocalDate requestedOn,
            Instant endsAt,
            Instant now,
            String event) {
        ConsentState from = record.state;
        record.state = ConsentState.WITHDRAWN;
        record.effective = false;
        record.endedAt = endsAt;
        record.withdrawalRequestedOn = requestedOn;
        ObjectNode payload = history.payload().put("requestedBy", requestedBy);
        payload.put("requestedOn", requestedOn.toString());
        payload.put("endsAt", endsAt.toString());
        if (channel != null) {
            payload.put("channel", channel);
        }
        payload.put("stopsNewUseOnly", true);
        history.append(record, event, from, ConsentState.WITHDRAWN, reason, payload, now);
        records.flush();
        events.publish(ConsentEvents.WITHDRAWN, record, now, requestedBy, null);
    }

    private ConsentRecord lock(UUID id) {
        return records.lock(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
    }
}
