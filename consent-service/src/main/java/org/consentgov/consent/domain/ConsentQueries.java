package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.ProblemException;

/** Reading records: one, a filtered page, a record's history and the check of its hash chain; pinned counts. */
@ApplicationScoped
public class ConsentQueries {

    /** Whether a record's history chain is intact, and what is wrong with it if not. */
    public record HistoryVerification(UUID recordId, boolean valid, int entries, List<String> problems) {}

    private final ConsentRecordRepository records;
    private final SubjectAccessLog accessLog;
    private final ConsentDetailsReader details;
    private final ConsentHistory history;

    public ConsentQueries(
            ConsentRecordRepository records,
            SubjectAccessLog accessLog,
            ConsentDetailsReader details,
            ConsentHistory history) {
        this.records = records;
        this.accessLog = accessLog;
        this.details = details;
        this.history = history;
    }

    /** One record with the subject's identifiers; the read is logged as an access to the subject. */
    @Transactional
    public ConsentDetails get(UUID id) {
        return get(id, ConsentAccess.READ_CONSENT);
    }

    /** As {@link #get(UUID)}, logged as {@code action} (the record rendered as FHIR, or as a receipt). */
    @Transactional
    public ConsentDetails get(UUID id, String action) {
        ConsentRecord record = find(id);
        accessLog.record(AccessedSubject.byId(record.subjectId), action);
        return details.details(record, true);
    }

    /**
     * A page of records without identifiers but with each one's subject id: one access row per subject on the page
     * (and for the subject filtered on, even when it has no records), the filter as detail.
     */
    @Transactional
    public PageView<ConsentDetails> list(ConsentRecordRepository.Filter filter, int page, int size) {
        List<ConsentRecord> found = records.page(filter, page, size);
        List<AccessedSubject> subjects = new ArrayList<>();
        if (filter.subjectId() != null) {
            subjects.add(AccessedSubject.byId(filter.subjectId()));
        }
        found.forEach(r -> subjects.add(AccessedSubject.byId(r.subjectId)));
        accessLog.recordEach(subjects, ConsentAccess.LIST_CONSENTS, ConsentAccess.describe(filter));
        return PageView.of(
                found.stream().map(r -> details.details(r, false)).toList(), page, size, records.count(filter));
    }

    /** The record's history, oldest first; its subject's read is logged. */
    @Transactional
    public List<HistoryEntry> history(UUID id) {
        ConsentRecord record = find(id);
        accessLog.record(AccessedSubject.byId(record.subjectId), ConsentAccess.READ_HISTORY);
        return records.history(record.id);
    }

    @Transactional
    public HistoryVerification verify(UUID id) {
        ConsentRecord record = find(id);
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
                        history.tree(h.payload),
                        h.prevHash,
                        h.hash))
                .toList();
        HistoryChain.Verification v =
                HistoryChain.verify(links, record.historyLength, record.historyHead, record.state);
        return new HistoryVerification(record.id, v.valid(), v.entries(), v.problems());
    }

    /** For the dry run of a notice change: the ACTIVE records pinned to versions before {@code beforeVersion}. */
    @Transactional
    public Map<Integer, Long> activePinnedCounts(String slug, int beforeVersion) {
        return records.activePinnedCountsBefore(slug, beforeVersion);
    }

    private ConsentRecord find(UUID id) {
        return records.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Consent record", id));
    }
}
