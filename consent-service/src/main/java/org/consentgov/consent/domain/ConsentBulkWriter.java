package org.consentgov.consent.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.domain.ConsentRecordFactory.CheckedForm;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.idempotency.IdempotencyKeys;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.idempotency.RequestFingerprint;
import org.consentgov.platform.idempotency.StoredResponse;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Records a batch of consent forms in one transaction with a few set-based reads and JDBC batch writes, with
 * exactly the outcome of {@link ConsentRecording#record} called for each line in order, each in its own
 * transaction, behind the {@link IdempotentExecutor}:
 *
 * <ul>
 * <li>the same checks in the same order ({@link ConsentRecordFactory}), so a line fails with the same problem; a
 * failed line changes nothing;
 * <li>the same rows: subject and identifiers (found or created), record, parties, the {@code recorded} history
 * entry, the {@code superseded} entry and update of the record a newer one replaces (hash-chained as
 * {@link HistoryChain} says, row version moved on), the {@code subject_access_log} row, the outbox events
 * ({@code given}/{@code refused}, then {@code superseded}) in that order, and with an Idempotency-Key K the
 * {@code idempotency_key} row {@code K:n} holding the response a single line's import stores;
 * <li>lines of one batch see each other: a subject created by line 3 is found by line 7, and line 7 supersedes
 * line 3's record.
 * </ul>
 *
 * <p>Anything unexpected (a database error, a concurrent writer creating the same subject, a key still being
 * processed elsewhere) throws and rolls the whole batch back; the caller then records the batch line by line.
 */
@ApplicationScoped
public class ConsentBulkWriter {

    private static final Logger LOG = Logger.getLogger(ConsentBulkWriter.class);

    /**
     * One line to record: its number in the file, its command, and the request as received (Bean-Validated),
     * whose canonical JSON the idempotency fingerprint covers, as the single create's key does.
     */
    public record Line<R>(int number, RecordConsent command, R request) {}

    /** What became of a line: created or replayed with the record's id, or refused with the problem. */
    public record Outcome(int line, UUID id, boolean replayed, RuntimeException failure) {
        static Outcome created(int line, UUID id) {
            return new Outcome(line, id, false, null);
        }

        static Outcome replayed(int line, UUID id) {
            return new Outcome(line, id, true, null);
        }

        static Outcome failed(int line, RuntimeException failure) {
            return new Outcome(line, null, false, failure);
        }
    }

    /** Thrown when a batch cannot be written as a whole; nothing of it was kept. */
    public static class BatchFailed extends RuntimeException {
        BatchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ConsentRecordFactory factory;
    private final ConsentTime time;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    public ConsentBulkWriter(
            ConsentRecordFactory factory,
            ConsentTime time,
            AgroalDataSource dataSource,
            ObjectMapper mapper,
            Outbox outbox,
            IdempotencyKeys idempotencyKeys,
            Caller caller) {
        this.factory = factory;
        this.time = time;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    /**
     * Records the lines in one new transaction, committed before this returns. With {@code key}, line n is
     * guarded by the key {@code key:n} under {@code operation}, as {@link IdempotentExecutor} guards it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> write(List<? extends Line<?>> lines, String key, String operation) {
        try (Connection connection = dataSource.getConnection()) {
            return new Batch(connection, key, operation).write(lines);
        } catch (SQLException e) {
            throw new BatchFailed("consent import batch failed: " + e.getMessage(), e);
        }
    }

    private final class Batch {
        private final Connection connection;
        private final String key;
        private final String operation;
        private final String callerName = caller.name();
        private final String callerOrg = caller.org().orElse(null);
        private final String callerClient = caller.clientId().orElse(null);
        private final BulkSubjects subjects;
        private final BulkConsentRows rows;
        private final List<Outbox.NewEvent> events = new ArrayList<>();
        private final List<IdempotencyKeys.NewKey> keys = new ArrayList<>();
        /** The pinned versions with their in-force intervals as read for this batch (one transaction). */
        private final Map<String, PublishedNotice> pinnable = new HashMap<>();

        Batch(Connection connection, String key, String operation) {
            this.connection = connection;
            this.key = key;
            this.operation = operation;
            this.rows = new BulkConsentRows(connection, callerName);
            this.subjects = new BulkSubjects(connection, rows, time);
        }

        List<Outcome> write(List<? extends Line<?>> lines) throws SQLException {
            Map<Integer, IdempotencyKeys.FoundKey> stored = key == null ? Map.of() : storedKeys(lines);
            subjects.prefetch(lines.stream().map(Line::command).toList());
            List<Outcome> outcomes = new ArrayList<>(lines.size());
            for (Line<?> line : lines) {
                IdempotencyKeys.FoundKey found = stored.get(line.number());
                if (found != null) {
                    outcomes.add(replay(line, found));
                    continue;
                }
                try {
                    outcomes.add(Outcome.created(line.number(), record(line)));
                } catch (ProblemException e) {
                    outcomes.add(Outcome.failed(line.number(), e));
                }
            }
            rows.flush();
            if (!rows.accesses.isEmpty()) {
                // one line per batch instead of one per record: the rows are the evidence, with ids only
                LOG.infof(
                        "subject access: record-consent by %s (%s) for %d subjects (bulk import)",
                        callerName, callerOrg, rows.accesses.size());
            }
            outbox.appendAll(connection, events);
            idempotencyKeys.insertAll(connection, keys);
            return outcomes;
        }

        private Outcome replay(Line<?> line, IdempotencyKeys.FoundKey found) {
            if (found.inProgress()) {
                // another import with this key is recording the line right now: let the line-by-line path wait
                throw new BatchFailed("idempotency key " + key + ":" + line.number() + " is in use", null);
            }
            if (!found.fingerprint().equals(RequestFingerprint.of(operation, line.request()))) {
                return Outcome.failed(
                        line.number(),
                        ConsentErrors.IDEMPOTENCY_KEY_REUSED.problem(
                                "This Idempotency-Key was used for a different request; use a new key for a new request",
                                IdempotentExecutor.HEADER));
            }
            try {
                return Outcome.replayed(
                        line.number(),
                        UUID.fromString(mapper.readTree(found.body()).path("id").asText()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalStateException("stored import response unreadable", e);
            }
        }

        /** {@link ConsentRecording#record} for one line, against the batch's view of the database. */
        private UUID record(Line<?> line) {
            RecordConsent command = line.command();
            CheckedForm form = factory.check(command);
            BulkSubjects.Resolved subject = subjects.resolve(command);
            form = factory.checkDates(form, subject.dateOfBirth(), pinnable);

            // every check passed: from here on the line changes the batch's state
            subjects.keep(subject);
            Instant now = time.now();
            ConsentRecord record = factory.newRecord(form, subject.id(), subject.dateOfBirth(), now);
            rows.records.add(record);
            rows.history.add(factory.recordedEntry(record, now));
            List<BulkSubjects.Active> replaced = subjects.replaceActive(record);
            for (BulkSubjects.Active old : replaced) {
                rows.history.add(factory.supersede(old.record(), record.id, now));
                if (old.stored()) {
                    rows.superseded.put(old.record().id, old.record());
                }
            }
            String type = ConsentRecordFactory.recordedEventType(record);
            if (type != null) {
                event(type, record, null);
            }
            for (BulkSubjects.Active old : replaced) {
                event(ConsentEvents.SUPERSEDED, old.record(), record.id);
            }
            rows.accesses.add(new BulkConsentRows.Access(
                    UUID.randomUUID(),
                    subject.id(),
                    callerName,
                    callerClient,
                    callerOrg,
                    ConsentAccess.RECORD_CONSENT,
                    "import",
                    time.now(),
                    RequestIds.current()));
            if (key != null) {
                keys.add(new IdempotencyKeys.NewKey(
                        key + ":" + line.number(),
                        RequestFingerprint.of(operation, line.request()),
                        StoredResponse.createdJson(Map.of("id", record.id))));
            }
            return record.id;
        }

        private void event(String type, ConsentRecord record, UUID supersededBy) {
            events.add(outbox.event(
                    ConsentEvents.AGGREGATE,
                    record.id.toString(),
                    type,
                    ConsentRecordFactory.eventData(record, time.now(), supersededBy)));
        }

        private Map<Integer, IdempotencyKeys.FoundKey> storedKeys(List<? extends Line<?>> lines) throws SQLException {
            Map<String, Integer> numbers = new HashMap<>();
            for (Line<?> line : lines) {
                numbers.put(key + ":" + line.number(), line.number());
            }
            Map<Integer, IdempotencyKeys.FoundKey> found = new HashMap<>();
            idempotencyKeys.find(connection, numbers.keySet()).forEach((k, v) -> found.put(numbers.get(k), v));
            return found;
        }
    }
}
