package org.consentgov.consent.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consentgov.consent.api.ConsentRequests.PartyRequest;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentRequests.Resolution;
import org.consentgov.consent.api.ConsentRequests.WithdrawRequest;
import org.consentgov.consent.api.ConsentViews.CheckView;
import org.consentgov.consent.api.ConsentViews.ConsentRecordView;
import org.consentgov.consent.api.ConsentViews.HistoryEntryView;
import org.consentgov.consent.api.ConsentViews.IdentifierView;
import org.consentgov.consent.api.ConsentViews.NoticeRef;
import org.consentgov.consent.api.ConsentViews.PartyView;
import org.consentgov.consent.api.ConsentViews.VerificationView;
import org.consentgov.consent.api.ConsentViews.WithdrawalOutcome;
import org.consentgov.consent.api.ConsentViews.WithdrawalRequestView;
import org.consentgov.consent.config.ResearchAccess;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.events.ConsentEvents.ConsentEventData;
import org.consentgov.consent.fhir.FhirConsentMapper;
import org.consentgov.consent.notices.NoticeDirectory;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.consent.persistence.Subject;
import org.consentgov.consent.persistence.SubjectRepository;
import org.consentgov.consent.persistence.WithdrawalRequest;
import org.consentgov.consent.persistence.WithdrawalRequestRepository;
import org.consentgov.consent.receipts.ConsentReceipt;
import org.consentgov.consent.receipts.ReceiptService;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Consent records: recording, parties, withdrawal, invalidation, history and the check. Owns the transactions. */
@ApplicationScoped
public class ConsentService {

    /**
     * The row version of a record just recorded: Hibernate inserts it and then updates it once in the same flush,
     * because its history head is set after {@code persist}. The bulk import writes the same value.
     */
    static final long NEW_RECORD_VERSION = 1;

    private final ConsentRecordRepository records;
    private final SubjectRepository subjects;
    private final WithdrawalRequestRepository withdrawals;
    private final SubjectService subjectService;
    private final NoticeDirectory notices;
    private final Vocabulary vocabulary;
    private final ResearchAccess researchAccess;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ReceiptService receipts;
    private final FhirConsentMapper fhir;
    private final String publicNoticeBaseUrl;
    private final Outbox outbox;

    public ConsentService(
            ConsentRecordRepository records,
            SubjectRepository subjects,
            WithdrawalRequestRepository withdrawals,
            SubjectService subjectService,
            NoticeDirectory notices,
            Vocabulary vocabulary,
            ResearchAccess researchAccess,
            Caller caller,
            ObjectMapper mapper,
            Clock clock,
            ReceiptService receipts,
            FhirConsentMapper fhir,
            @ConfigProperty(name = "consent.public-notice-base-url") String publicNoticeBaseUrl,
            Outbox outbox) {
        this.records = records;
        this.subjects = subjects;
        this.withdrawals = withdrawals;
        this.subjectService = subjectService;
        this.notices = notices;
        this.vocabulary = vocabulary;
        this.researchAccess = researchAccess;
        this.caller = caller;
        this.mapper = mapper;
        this.clock = clock;
        this.receipts = receipts;
        this.fhir = fhir;
        this.publicNoticeBaseUrl = publicNoticeBaseUrl;
        this.outbox = outbox;
    }

    // ---- recording

    @Transactional
    public ConsentRecordView record(RecordConsentRequest request) {
        validateShape(request);
        PublishedNotice notice = noticeFor(request);
        List<String> dataCategories = checkScope(request, notice);

        Subject subject = request.subjectId() != null
                ? subjects.findByIdOptional(request.subjectId())
                        .orElseThrow(() -> ProblemException.rule(
                                "unknown-subject", "No subject has id " + request.subjectId(), "subjectId"))
                : subjectService.resolveOrCreate(request.subject(), "subject");
        checkDates(request, subject.dateOfBirth);

        Instant now = now();
        ConsentRecord record = newRecord(request, notice, dataCategories, subject.id, subject.dateOfBirth, now);

        // a newer record for the same subject and notice replaces the one in force
        List<ConsentRecord> replaced = records.activeFor(subject.id, notice.slug());
        records.persist(record);
        record.parties.forEach(records::persistParty);
        append(record, "recorded", null, record.state, null, recordedPayload(record), now);
        for (ConsentRecord old : replaced) {
            ConsentState from = old.state;
            old.state = ConsentState.SUPERSEDED;
            old.endedAt = now;
            append(
                    old,
                    "superseded",
                    from,
                    ConsentState.SUPERSEDED,
                    "superseded by record " + record.id,
                    mapper.createObjectNode().put("supersededBy", record.id.toString()),
                    now);
        }
        records.flush();
        if (record.effective) {
            emit(ConsentEvents.GIVEN, record, now, null, null, null, null, null);
        } else if (record.state == ConsentState.REFUSED) {
            emit(ConsentEvents.REFUSED, record, now, null, null, null, null, null);
        }
        for (ConsentRecord old : replaced) {
            emit(ConsentEvents.SUPERSEDED, old, now, null, record.id, null, null, null);
        }
        subjectService.logAccess(subject.id, "record-consent");
        return view(record, true);
    }

    /** The published notice version the request names, checked against its hash and consent terms. */
    PublishedNotice noticeFor(RecordConsentRequest request) {
        PublishedNotice notice =
                notices.published(request.notice().slug(), request.notice().version());
        if (!notice.contentHash().equals(request.notice().contentHash())) {
            throw ProblemException.rule(
                            "notice-hash-mismatch",
                            "The content hash does not match version " + notice.version() + " of '" + notice.slug()
                                    + "': the family may have been shown other words than those published",
                            "notice.contentHash")
                    .with("publishedContentHash", notice.contentHash());
        }
        if (notice.content().consent() == null) {
            throw ProblemException.rule(
                    "notice-asks-no-consent",
                    "Notice '" + notice.slug() + "' version " + notice.version() + " does not ask for consent",
                    "notice");
        }
        return notice;
    }

    /**
     * A new record for a checked request (not yet persisted): its parties, the evaluated decision and state, and
     * an empty history. The single create and the bulk import both build records here.
     */
    ConsentRecord newRecord(
            RecordConsentRequest request,
            PublishedNotice notice,
            List<String> dataCategories,
            UUID subjectId,
            LocalDate dateOfBirth,
            Instant now) {
        PublishedNotice.ConsentTerms terms = notice.content().consent();
        ConsentRecord record = new ConsentRecord();
        record.id = UUID.randomUUID();
        record.subjectId = subjectId;
        record.noticeSlug = notice.slug();
        record.noticeVersion = notice.version();
        record.noticeContentHash = notice.contentHash();
        record.purposes = List.copyOf(request.purposes());
        record.dataCategories = dataCategories;
        record.collectionMethod = request.collectionMethod().name();
        record.formIssuedOn = request.formIssuedOn();
        record.formReceivedOn = request.formReceivedOn();
        record.evidenceReference = request.evidenceReference();
        record.recordedBy = caller.name();
        record.recordedOrg = caller.org().orElse(null);
        record.recordedAt = now;
        record.withdrawalAnyTime = withdrawalAnyTime(notice);
        record.withdrawalWindowEndsOn = record.withdrawalAnyTime
                ? null
                : WithdrawalWindow.of(record.formReceivedOn, terms.withdrawalWindowDays())
                        .lastDay();
        int position = 0;
        for (PartyRequest p : request.parties()) {
            record.parties.add(party(record, position++, p, now));
        }
        ConsentEvaluator.Outcome outcome = evaluate(record, dateOfBirth, terms);
        apply(record, outcome, now);
        record.historyHead = HistoryChain.GENESIS;
        record.historyLength = 0;
        return record;
    }

    /** Adds a party's later decision, e.g. the parent's consent that was missing. */
    @Transactional
    public ConsentRecordView addParty(UUID id, long expectedVersion, PartyRequest request) {
        ConsentRecord record = lock(id);
        ETags.requireCurrent(expectedVersion, record.rowVersion);
        if (record.state != ConsentState.ACTIVE) {
            throw ProblemException.conflict(
                            "record-not-active",
                            "Record " + id + " is " + record.state + "; parties can only be added to an active record")
                    .with("state", record.state);
        }
        validateParty(request, "", record.parties.stream().anyMatch(p -> "child".equals(p.role)));
        LocalDate today = today();
        if (request.decidedOn().isAfter(today)) {
            throw ProblemException.rule("date-in-future", "decidedOn is in the future", "decidedOn");
        }
        PublishedNotice notice = notices.published(record.noticeSlug, record.noticeVersion);
        Subject subject = subjects.findById(record.subjectId);
        Instant now = now();
        ConsentParty party = party(record, record.parties.size(), request, now);
        record.parties.add(party);
        records.persistParty(party);
        ConsentState from = record.state;
        boolean wasEffective = record.effective;
        apply(record, evaluate(record, subject.dateOfBirth, notice.content().consent()), now);
        ObjectNode payload = mapper.createObjectNode();
        payload.set("party", partyNode(party));
        payload.put("effective", record.effective);
        payload.set("missingParties", mapper.valueToTree(record.missingParties));
        append(record, "party-added", from, record.state, null, payload, now);
        records.flush();
        if (record.effective && !wasEffective) {
            emit(ConsentEvents.GIVEN, record, now, null, null, null, null, null);
        } else if (record.state == ConsentState.REFUSED && from != ConsentState.REFUSED) {
            emit(ConsentEvents.REFUSED, record, now, null, null, null, null, null);
        }
        return view(record, true);
    }

    // ---- withdrawal

    /**
     * Inside the window (or when withdrawal is allowed at any time) the record is withdrawn at once.
     * Outside it, the wish is stored as a request referred to the DPO and the outcome says so; the caller
     * answers 409. Either way the transaction commits: a person's stated wish is never dropped.
     */
    @Transactional
    public WithdrawalOutcome withdraw(UUID id, Long expectedVersion, WithdrawRequest request) {
        ConsentRecord record = lock(id);
        if (expectedVersion != null) {
            ETags.requireCurrent(expectedVersion, record.rowVersion);
        }
        if (vocabulary.partyRole(request.requestedBy()).isEmpty()) {
            throw ProblemException.rule(
                    "unknown-party-role", "'" + request.requestedBy() + "' is not a party role", "requestedBy");
        }
        if (record.state != ConsentState.ACTIVE) {
            throw ProblemException.conflict(
                            "record-not-active", "Record " + id + " is " + record.state + " and cannot be withdrawn")
                    .with("state", record.state);
        }
        Instant now = now();
        boolean inside = record.withdrawalAnyTime
                || WithdrawalWindow.of(record.formReceivedOn, (int)
                                ChronoUnit.DAYS.between(record.formReceivedOn, record.withdrawalWindowEndsOn))
                        .allows(now);
        if (inside) {
            withdrawNow(record, request.requestedBy(), request.channel(), request.reason(), now, "withdrawn");
            return new WithdrawalOutcome("WITHDRAWN", view(record, true), null);
        }
        WithdrawalRequest referred = new WithdrawalRequest();
        referred.id = UUID.randomUUID();
        referred.recordId = record.id;
        referred.requestedBy = request.requestedBy();
        referred.channel = request.channel();
        referred.reason = request.reason();
        referred.receivedAt = now;
        referred.windowEndedOn = record.withdrawalWindowEndsOn;
        referred.status = WithdrawalRequest.Status.REFERRED;
        referred.recordedBy = caller.name();
        withdrawals.persist(referred);
        ObjectNode payload = mapper.createObjectNode()
                .put("withdrawalRequestId", referred.id.toString())
                .put("requestedBy", request.requestedBy())
                .put("windowEndedOn", record.withdrawalWindowEndsOn.toString());
        append(
                record,
                "withdrawal-referred-to-dpo",
                record.state,
                record.state,
                "withdrawal asked for after the window closed; referred to the DPO",
                payload,
                now);
        records.flush();
        emit(
                ConsentEvents.WITHDRAWAL_REFERRED,
                record,
                now,
                request.requestedBy(),
                null,
                referred.id,
                record.withdrawalWindowEndsOn,
                null);
        return new WithdrawalOutcome("REFERRED", view(record, true), view(referred));
    }

    @Transactional
    public PageView<WithdrawalRequestView> withdrawalRequests(WithdrawalRequest.Status status, int page, int size) {
        return PageView.of(
                withdrawals.page(status, page, size).stream()
                        .map(ConsentService::view)
                        .toList(),
                page,
                size,
                withdrawals.count(status));
    }

    @Transactional
    public WithdrawalRequestView resolve(UUID requestId, Resolution decision, String note) {
        WithdrawalRequest request = withdrawals
                .findByIdOptional(requestId)
                .orElseThrow(() -> ProblemException.notFound("Withdrawal request", requestId));
        if (request.status != WithdrawalRequest.Status.REFERRED) {
            throw ProblemException.conflict(
                    "already-resolved", "This withdrawal request was already " + request.status);
        }
        ConsentRecord record = lock(request.recordId);
        Instant now = now();
        request.resolvedBy = caller.name();
        request.resolvedAt = now;
        request.resolutionNote = note;
        if (decision == Resolution.ACCEPT) {
            request.status = WithdrawalRequest.Status.ACCEPTED;
            if (record.state == ConsentState.ACTIVE) {
                withdrawNow(
                        record,
                        request.requestedBy,
                        request.channel,
                        "late withdrawal accepted by the DPO: " + note,
                        now,
                        "late-withdrawal-accepted");
            }
        } else {
            request.status = WithdrawalRequest.Status.DECLINED;
            append(
                    record,
                    "late-withdrawal-declined",
                    record.state,
                    record.state,
                    note,
                    mapper.createObjectNode().put("withdrawalRequestId", request.id.toString()),
                    now);
        }
        records.flush();
        emit(
                ConsentEvents.LATE_WITHDRAWAL_RESOLVED,
                record,
                now,
                request.requestedBy,
                null,
                request.id,
                null,
                request.status.name());
        return view(request);
    }

    @Transactional
    public ConsentRecordView invalidate(UUID id, long expectedVersion, String reason) {
        ConsentRecord record = lock(id);
        ETags.requireCurrent(expectedVersion, record.rowVersion);
        if (record.state == ConsentState.INVALIDATED) {
            throw ProblemException.conflict("record-not-active", "Record " + id + " is already invalidated");
        }
        Instant now = now();
        ConsentState from = record.state;
        record.state = ConsentState.INVALIDATED;
        record.effective = false;
        if (record.endedAt == null) {
            record.endedAt = now;
        }
        append(record, "invalidated", from, ConsentState.INVALIDATED, reason, mapper.createObjectNode(), now);
        records.flush();
        emit(ConsentEvents.INVALIDATED, record, now, null, null, null, null, null);
        return view(record, true);
    }

    // ---- reads

    @Transactional
    public ConsentRecordView get(UUID id) {
        ConsentRecord record =
                records.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
        subjectService.logAccess(record.subjectId, "read-consent");
        return view(record, true);
    }

    /** The record as a signed ISO/IEC TS 27560-style receipt (compact JWS), verifiable offline with the JWKS. */
    @Transactional
    public String receipt(UUID id) {
        ConsentRecordView record = get(id);
        PublishedNotice notice =
                notices.published(record.notice().slug(), record.notice().version());
        List<String> controllers = notice.content().controllers() == null
                ? List.of()
                : notice.content().controllers().stream()
                        .map(PublishedNotice.Controller::name)
                        .toList();
        String bases = notice.content().lawfulBases() == null
                ? null
                : notice.content().lawfulBases().stream()
                        .map(b -> b.appliesTo().toLowerCase() + ":" + b.basis())
                        .collect(Collectors.joining(" "));
        List<String> channels =
                notice.content().consent() == null || notice.content().consent().withdrawalChannels() == null
                        ? List.of()
                        : notice.content().consent().withdrawalChannels();
        return receipts.sign(
                ConsentReceipt.of(record, controllers, noticeUrl(record), bases, channels, receipts.issuer(), now()));
    }

    /** The record as an HL7 FHIR R4 Consent resource. */
    @Transactional
    public String fhir(UUID id) {
        ConsentRecordView record = get(id);
        return fhir.toJson(record, noticeUrl(record));
    }

    private String noticeUrl(ConsentRecordView record) {
        return publicNoticeBaseUrl + "/" + record.notice().slug() + "/versions/"
                + record.notice().version();
    }

    @Transactional
    public PageView<ConsentRecordView> list(ConsentRecordRepository.Filter filter, int page, int size) {
        List<ConsentRecord> found = records.page(filter, page, size);
        if (filter.subjectId() != null) {
            subjectService.logAccess(filter.subjectId(), "list-consents");
        }
        return PageView.of(found.stream().map(r -> view(r, false)).toList(), page, size, records.count(filter));
    }

    /** Streams every matching record; the caller writes them out as they come. */
    @Transactional
    public void export(ConsentRecordRepository.Filter filter, java.util.function.Consumer<ConsentRecordView> sink) {
        try (Stream<ConsentRecord> stream = records.stream(filter)) {
            stream.forEach(r -> {
                sink.accept(view(r, false));
                records.getEntityManager().detach(r);
            });
        }
    }

    @Transactional
    public List<HistoryEntryView> history(UUID id) {
        ConsentRecord record =
                records.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
        return records.history(record.id).stream()
                .map(h -> new HistoryEntryView(
                        h.seq, h.event, h.fromState, h.toState, h.actor, h.at, h.reason, h.prevHash, h.hash))
                .toList();
    }

    @Transactional
    public VerificationView verify(UUID id) {
        ConsentRecord record =
                records.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
        List<HistoryChain.Link> links = records.history(record.id).stream()
                .map(h -> new HistoryChain.Link(
                        h.recordId,
                        h.seq,
                        h.event,
                        h.fromState,
                        h.toState,
                        h.actor,
                        h.at,
                        h.reason,
                        tree(h.payload),
                        h.prevHash,
                        h.hash))
                .toList();
        HistoryChain.Verification v =
                HistoryChain.verify(links, record.historyLength, record.historyHead, record.state);
        return new VerificationView(record.id, v.valid(), v.entries(), v.problems());
    }

    /** The check API's hot path: one query, then a pure decision. */
    @Transactional
    public CheckView check(String subject, String noticeSlug, String purpose, Instant at) {
        if (caller.hasRole("researcher")
                && !caller.hasRole("dpo")
                && !researchAccess.allows(caller.org().orElse(null), noticeSlug)) {
            throw new ProblemException(
                    ProblemKind.NOT_FOUND,
                    "not-found",
                    "No agreement of your organisation covers notice '" + noticeSlug + "'");
        }
        Instant when = at == null ? now() : at;
        List<ConsentRecord> found;
        if (subject != null && subject.matches("[0-9a-fA-F-]{36}")) {
            found = records.forCheckBySubject(UUID.fromString(subject), noticeSlug);
        } else {
            IdentifierView id = SubjectService.parseIdentifier(subject, "subject");
            found = records.forCheckByIdentifier(id.system(), id.value(), noticeSlug);
        }
        ConsentCheck.Answer answer =
                ConsentCheck.at(found.stream().map(ConsentService::candidate).toList(), purpose, when);
        ConsentCheck.Candidate relied = answer.reliedOn();
        if (!found.isEmpty()) {
            subjectService.logAccess(found.get(0).subjectId, "check");
        }
        return new CheckView(
                answer.consented(),
                noticeSlug,
                purpose,
                when,
                answer.reasons(),
                relied == null ? null : relied.id(),
                relied == null ? null : new NoticeRef(noticeSlug, relied.noticeVersion(), relied.noticeContentHash()),
                relied == null ? null : relied.state(),
                relied == null ? null : relied.reconsentRequired());
    }

    // ---- reactions to notice-service's events

    /** What {@link #onNoticeEvent} did: whether the event was new, and how many records it flagged. */
    public record NoticeEventOutcome(String eventId, String type, boolean duplicate, int recordsFlagged) {}

    /**
     * Acts on one CloudEvent from notice-service, once per event id. For
     * {@code org.consentgov.notice.material-change} every ACTIVE record pinned to an older version of that notice
     * gets {@code reconsentRequired = true}, a history entry {@code reconsent-required} naming the new version and
     * the material reasons, and a {@code org.consentgov.consent.reconsent-required} event; it stays effective.
     * Other types are recorded as processed and otherwise ignored. The event id goes into
     * {@code processed_notice_event} in the same transaction, so a redelivered event (or two replicas receiving it
     * at once) changes nothing.
     */
    @Transactional
    public NoticeEventOutcome onNoticeEvent(JsonNode event) {
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || type == null) {
            throw ProblemException.badRequest("invalid-event", "A CloudEvent with an id and a type is required", "id");
        }
        JsonNode data = event.path("data");
        boolean material = "org.consentgov.notice.material-change".equals(type);
        String slug = material ? text(data, "slug") : null;
        if (material
                && (slug == null
                        || !data.path("version").canConvertToInt()
                        || data.path("version").asInt() < 1)) {
            throw ProblemException.badRequest(
                    "invalid-event", "A material-change event needs data.slug and data.version", "data");
        }
        Instant now = now();
        int inserted = records.getEntityManager()
                .createNativeQuery("""
                INSERT INTO processed_notice_event (event_id, type, subject, processed_at, records_flagged)
                VALUES (:id, :type, :subject, :at, 0) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("subject", text(event, "subject"))
                .setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            return new NoticeEventOutcome(id, type, true, 0);
        }
        if (!material) {
            return new NoticeEventOutcome(id, type, false, 0);
        }
        int version = data.path("version").asInt();
        List<String> reasons = new ArrayList<>();
        data.path("reasons").forEach(r -> reasons.add(r.asText()));
        String reason = "notice " + slug + " version " + version + " changed materially"
                + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
        if (reason.length() > 1000) {
            reason = reason.substring(0, 997) + "...";
        }
        List<ConsentRecord> pinned = records.activePinnedBefore(slug, version);
        for (ConsentRecord record : pinned) {
            record.reconsentRequired = true;
            ObjectNode payload =
                    mapper.createObjectNode().put("noticeEventId", id).put("currentNoticeVersion", version);
            reasons.forEach(payload.putArray("materialReasons")::add);
            append(record, "reconsent-required", record.state, record.state, reason, payload, now);
        }
        records.flush();
        for (ConsentRecord record : pinned) {
            outbox.publish(
                    ConsentEvents.AGGREGATE,
                    record.id.toString(),
                    ConsentEvents.RECONSENT_REQUIRED,
                    new ConsentEventData(
                            record.id,
                            record.subjectId,
                            record.noticeSlug,
                            record.noticeVersion,
                            record.noticeContentHash,
                            record.purposes,
                            record.state.name(),
                            record.effective,
                            now,
                            null,
                            null,
                            null,
                            null,
                            null,
                            true,
                            version));
        }
        records.getEntityManager()
                .createNativeQuery("UPDATE processed_notice_event SET records_flagged = :n WHERE event_id = :id")
                .setParameter("n", pinned.size())
                .setParameter("id", id)
                .executeUpdate();
        return new NoticeEventOutcome(id, type, false, pinned.size());
    }

    /** For the dry run of a notice change: the ACTIVE records pinned to versions before {@code beforeVersion}. */
    @Transactional
    public Map<Integer, Long> activePinnedCounts(String slug, int beforeVersion) {
        return records.activePinnedCountsBefore(slug, beforeVersion);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    // ---- helpers

    private void withdrawNow(
            ConsentRecord record, String requestedBy, String channel, String reason, Instant now, String event) {
        ConsentState from = record.state;
        record.state = ConsentState.WITHDRAWN;
        record.effective = false;
        record.endedAt = now;
        ObjectNode payload = mapper.createObjectNode().put("requestedBy", requestedBy);
        if (channel != null) {
            payload.put("channel", channel);
        }
        payload.put("stopsNewUseOnly", true);
        append(record, event, from, ConsentState.WITHDRAWN, reason, payload, now);
        records.flush();
        emit(ConsentEvents.WITHDRAWN, record, now, requestedBy, null, null, null, null);
    }

    /** Writes a consent event to the outbox, in this transaction: ids only, never identifiers or free text. */
    private void emit(
            String type,
            ConsentRecord record,
            Instant at,
            String requestedBy,
            UUID supersededBy,
            UUID withdrawalRequestId,
            LocalDate windowEndedOn,
            String resolution) {
        outbox.publish(
                ConsentEvents.AGGREGATE,
                record.id.toString(),
                type,
                new ConsentEventData(
                        record.id,
                        record.subjectId,
                        record.noticeSlug,
                        record.noticeVersion,
                        record.noticeContentHash,
                        record.purposes,
                        record.state.name(),
                        record.effective,
                        at,
                        requestedBy,
                        supersededBy,
                        withdrawalRequestId,
                        windowEndedOn,
                        resolution,
                        null,
                        null));
    }

    /** The data of a given, refused or superseded event, as {@link #emit} writes it. */
    static ConsentEventData recordedEventData(ConsentRecord record, Instant at, UUID supersededBy) {
        return new ConsentEventData(
                record.id,
                record.subjectId,
                record.noticeSlug,
                record.noticeVersion,
                record.noticeContentHash,
                record.purposes,
                record.state.name(),
                record.effective,
                at,
                null,
                supersededBy,
                null,
                null,
                null,
                null,
                null);
    }

    private ConsentRecord lock(UUID id) {
        return records.lock(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
    }

    private void append(
            ConsentRecord record,
            String event,
            ConsentState from,
            ConsentState to,
            String reason,
            JsonNode payload,
            Instant at) {
        records.append(historyEntry(record, event, from, to, reason, payload, at));
    }

    /** The record's next history entry, chained to its head; the record's head and length move to it. Not persisted. */
    HistoryEntry historyEntry(
            ConsentRecord record,
            String event,
            ConsentState from,
            ConsentState to,
            String reason,
            JsonNode payload,
            Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.recordId = record.id;
        entry.seq = record.historyLength + 1;
        entry.event = event;
        entry.fromState = from;
        entry.toState = to;
        entry.actor = caller.name();
        entry.at = at;
        entry.reason = reason;
        entry.payload = payload.toString();
        entry.prevHash = record.historyHead;
        entry.hash = HistoryChain.hash(
                entry.prevHash, record.id, entry.seq, event, from, to, entry.actor, at, reason, tree(entry.payload));
        record.historyLength = entry.seq;
        record.historyHead = entry.hash;
        return entry;
    }

    private ConsentEvaluator.Outcome evaluate(
            ConsentRecord record, LocalDate dateOfBirth, PublishedNotice.ConsentTerms terms) {
        ConsentEvaluator.Terms t = new ConsentEvaluator.Terms(
                terms.requiredParties(), terms.parentOrCarer(), terms.parentOrCarerUnderAge());
        return ConsentEvaluator.evaluate(
                t,
                dateOfBirth,
                record.formReceivedOn,
                record.parties.stream()
                        .map(p -> new ConsentEvaluator.Party(p.role, p.decision, p.capacity))
                        .toList());
    }

    private static void apply(ConsentRecord record, ConsentEvaluator.Outcome outcome, Instant now) {
        record.decision = outcome.decision();
        record.state = outcome.state();
        record.missingParties = outcome.missingParties();
        boolean becameEffective = outcome.effective() && !record.effective;
        record.effective = outcome.effective();
        if (becameEffective) {
            record.effectiveFrom = now;
        }
    }

    private boolean withdrawalAnyTime(PublishedNotice notice) {
        boolean consentBasis = notice.content().lawfulBases() != null
                && notice.content().lawfulBases().stream()
                        .anyMatch(b -> vocabulary
                                .lawfulBasis(b.basis())
                                .map(l -> l.consent())
                                .orElse(false));
        return consentBasis || notice.content().consent().withdrawalWindowDays() == null;
    }

    void validateShape(RecordConsentRequest request) {
        if ((request.subject() == null) == (request.subjectId() == null)) {
            throw ProblemException.badRequest(
                    "subject-required", "Give either subject or subjectId, not both and not neither", "subject");
        }
        List<FieldError> errors = new ArrayList<>();
        boolean child = false;
        for (int i = 0; i < request.parties().size(); i++) {
            try {
                validateParty(request.parties().get(i), "parties[" + i + "].", child);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
            child |= "child".equals(request.parties().get(i).role());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE, "invalid-party", errors.get(0).message(), errors);
        }
    }

    private void validateParty(PartyRequest p, String prefix, boolean childAlready) {
        if (vocabulary.partyRole(p.role()).isEmpty()) {
            throw ProblemException.rule(
                    "unknown-party-role",
                    "'" + p.role() + "' is not a party role: child, parent, carer, guardian or local-authority",
                    prefix + "role");
        }
        if ("child".equals(p.role()) && childAlready) {
            throw ProblemException.rule("duplicate-child", "A record has one child party", prefix + "role");
        }
        if (p.capacity() != null && !"child".equals(p.role())) {
            throw ProblemException.rule(
                    "capacity-only-for-child",
                    "A capacity assessment is recorded for the child only",
                    prefix + "capacity");
        }
        if (p.capacity() != null && p.capacity() != Capacity.NOT_ASSESSED && p.assessedOn() == null) {
            throw ProblemException.rule(
                    "assessment-date-required", "Say when the capacity was assessed", prefix + "assessedOn");
        }
    }

    List<String> checkScope(RecordConsentRequest request, PublishedNotice notice) {
        List<String> noticePurposes = notice.purposeCodes();
        for (int i = 0; i < request.purposes().size(); i++) {
            if (!noticePurposes.contains(request.purposes().get(i))) {
                throw ProblemException.rule(
                        "purpose-not-in-notice",
                        "Purpose '" + request.purposes().get(i) + "' is not a purpose of this notice version",
                        "purposes[" + i + "]");
            }
        }
        List<String> noticeCategories = notice.content().dataCategories() == null
                ? List.of()
                : notice.content().dataCategories();
        if (request.dataCategories() == null || request.dataCategories().isEmpty()) {
            return List.copyOf(noticeCategories);
        }
        for (int i = 0; i < request.dataCategories().size(); i++) {
            if (!noticeCategories.contains(request.dataCategories().get(i))) {
                throw ProblemException.rule(
                        "category-not-in-notice",
                        "Data category '" + request.dataCategories().get(i) + "' is not listed in this notice version",
                        "dataCategories[" + i + "]");
            }
        }
        return List.copyOf(request.dataCategories());
    }

    void checkDates(RecordConsentRequest request, LocalDate dateOfBirth) {
        LocalDate today = today();
        if (request.formReceivedOn().isAfter(today)) {
            throw ProblemException.rule(
                    "date-in-future", "The form cannot have been received in the future", "formReceivedOn");
        }
        if (request.formIssuedOn() != null && request.formIssuedOn().isAfter(today)) {
            throw ProblemException.rule(
                    "date-in-future", "The form cannot have been issued in the future", "formIssuedOn");
        }
        if (request.formIssuedOn() != null && request.formReceivedOn().isBefore(request.formIssuedOn())) {
            throw ProblemException.rule(
                    "received-before-issued", "The form was received before it was issued", "formReceivedOn");
        }
        if (request.formReceivedOn().isBefore(dateOfBirth)) {
            throw ProblemException.rule(
                    "received-before-birth", "The form was received before the subject was born", "formReceivedOn");
        }
        for (int i = 0; i < request.parties().size(); i++) {
            PartyRequest p = request.parties().get(i);
            if (p.decidedOn().isAfter(today)) {
                throw ProblemException.rule(
                        "date-in-future", "A decision cannot be dated in the future", "parties[" + i + "].decidedOn");
            }
            if (p.assessedOn() != null && p.assessedOn().isAfter(today)) {
                throw ProblemException.rule(
                        "date-in-future",
                        "An assessment cannot be dated in the future",
                        "parties[" + i + "].assessedOn");
            }
        }
    }

    private ConsentParty party(ConsentRecord record, int position, PartyRequest p, Instant now) {
        ConsentParty party = new ConsentParty();
        party.id = UUID.randomUUID();
        party.record = record;
        party.position = position;
        party.role = p.role();
        party.relationship = p.relationship();
        party.decision = p.decision();
        party.capacity = p.capacity();
        party.assessedOn = p.assessedOn();
        party.assessedBy = p.capacity() == null ? null : caller.name();
        party.decidedOn = p.decidedOn();
        party.recordedBy = caller.name();
        party.recordedAt = now;
        return party;
    }

    JsonNode recordedPayload(ConsentRecord r) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("subjectId", r.subjectId.toString());
        payload.put("noticeSlug", r.noticeSlug)
                .put("noticeVersion", r.noticeVersion)
                .put("noticeContentHash", r.noticeContentHash);
        payload.set("purposes", mapper.valueToTree(r.purposes));
        payload.set("dataCategories", mapper.valueToTree(r.dataCategories));
        payload.put("decision", r.decision.name()).put("effective", r.effective);
        payload.set("missingParties", mapper.valueToTree(r.missingParties));
        payload.put("collectionMethod", r.collectionMethod);
        payload.put("formIssuedOn", r.formIssuedOn == null ? null : r.formIssuedOn.toString());
        payload.put("formReceivedOn", r.formReceivedOn.toString());
        payload.put("evidenceReference", r.evidenceReference);
        payload.put(
                "withdrawalWindowEndsOn",
                r.withdrawalWindowEndsOn == null ? null : r.withdrawalWindowEndsOn.toString());
        payload.set(
                "parties",
                mapper.valueToTree(r.parties.stream().map(this::partyNode).toList()));
        return payload;
    }

    private ObjectNode partyNode(ConsentParty p) {
        ObjectNode node = mapper.createObjectNode()
                .put("role", p.role)
                .put("decision", p.decision.name())
                .put("decidedOn", p.decidedOn.toString());
        if (p.relationship != null) {
            node.put("relationship", p.relationship);
        }
        if (p.capacity != null) {
            node.put("capacity", p.capacity.name());
            node.put("assessedOn", p.assessedOn == null ? null : p.assessedOn.toString());
            node.put("assessedBy", p.assessedBy);
        }
        return node;
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox's time of an event written now (not truncated, as {@link Outbox} writes it). */
    Instant clockInstant() {
        return clock.instant();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WithdrawalWindow.LONDON);
    }

    private static ConsentCheck.Candidate candidate(ConsentRecord r) {
        return new ConsentCheck.Candidate(
                r.id,
                r.noticeVersion,
                r.noticeContentHash,
                r.state,
                r.effective,
                r.purposes,
                r.missingParties,
                r.recordedAt,
                r.effectiveFrom,
                r.endedAt,
                r.reconsentRequired);
    }

    /** The record for the API; identifiers only when {@code withIdentifiers} and the caller's role needs them. */
    public ConsentRecordView view(ConsentRecord r, boolean withIdentifiers) {
        List<IdentifierView> identifiers = withIdentifiers && !caller.hasRole("auditor")
                ? subjects.identifiers(r.subjectId).stream()
                        .map(i -> new IdentifierView(i.system, i.value))
                        .toList()
                : null;
        return new ConsentRecordView(
                r.id,
                r.subjectId,
                identifiers,
                new NoticeRef(r.noticeSlug, r.noticeVersion, r.noticeContentHash),
                r.purposes,
                r.dataCategories,
                r.decision,
                r.state,
                r.effective,
                r.missingParties,
                r.parties.stream()
                        .map(p -> new PartyView(
                                p.role,
                                p.relationship,
                                p.decision,
                                p.capacity,
                                p.assessedBy,
                                p.assessedOn,
                                p.decidedOn))
                        .toList(),
                r.collectionMethod,
                r.formIssuedOn,
                r.formReceivedOn,
                r.evidenceReference,
                r.recordedBy,
                r.recordedOrg,
                r.recordedAt,
                r.withdrawalWindowEndsOn,
                r.reconsentRequired,
                r.effectiveFrom,
                r.endedAt,
                r.rowVersion);
    }

    static WithdrawalRequestView view(WithdrawalRequest w) {
        return new WithdrawalRequestView(
                w.id,
                w.recordId,
                w.requestedBy,
                w.channel,
                w.reason,
                w.receivedAt,
                w.windowEndedOn,
                w.status.name(),
                w.recordedBy,
                w.resolvedBy,
                w.resolvedAt,
                w.resolutionNote);
    }
}
