package org.consentgov.consent.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.config.ResearchAccess;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.persistence.ConsentCheckQueries;
import org.consentgov.consent.persistence.ConsentCheckRow;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;

/**
 * The check API: is there an effective consent for subject S, notice N and purpose P at valid time T, as the
 * service knew it at recorded time K (DESIGN §11)? A record recorded after K does not exist for the answer; a
 * withdrawal, expiry or invalidation recorded after K has not happened.
 */
@ApplicationScoped
public class ConsentCheckService {

    /** The answer, for the notice, purpose and times asked about, and the record relied on if any. */
    public record CheckResult(String notice, String purpose, Instant at, Instant knownAt, ConsentCheck.Answer answer) {}

    private static final Set<ConsentState> ENDED =
            EnumSet.of(ConsentState.WITHDRAWN, ConsentState.EXPIRED, ConsentState.SUPERSEDED, ConsentState.INVALIDATED);

    private final ConsentRecordRepository records;
    private final ConsentCheckQueries checks;
    private final SubjectAccessLog accessLog;
    private final ResearchAccess researchAccess;
    private final ConsentHistory history;
    private final Caller caller;
    private final ConsentTime time;

    public ConsentCheckService(
            ConsentRecordRepository records,
            ConsentCheckQueries checks,
            SubjectAccessLog accessLog,
            ResearchAccess researchAccess,
            ConsentHistory history,
            Caller caller,
            ConsentTime time) {
        this.records = records;
        this.checks = checks;
        this.accessLog = accessLog;
        this.researchAccess = researchAccess;
        this.history = history;
        this.caller = caller;
        this.time = time;
    }

    /**
     * The hot path: one prepared query ({@link ConsentCheckQueries}: no entity is loaded, so the commit has nothing to flush), then the pure
     * {@link ConsentCheck}, then the access-log row, written synchronously in the same transaction: an answer is
     * never given without its row. The history is read only for records that changed after {@code knownAt}
     * ({@code changed_at}); with the default (now) nothing has. A researcher asks only about the notices of their
     * organisation's agreements; any other notice is answered as unknown.
     */
    @Transactional
    public CheckResult check(String subject, String noticeSlug, String purpose, Instant at, Instant knownAt) {
        if (caller.hasRole(Roles.RESEARCHER)
                && !caller.hasRole(Roles.DPO)
                && !researchAccess.allows(caller.org().orElse(null), noticeSlug)) {
            throw ConsentErrors.NOT_FOUND.problem(
                    "No agreement of your organisation covers notice '" + noticeSlug + "'");
        }
        Instant now = time.now();
        if (knownAt != null && knownAt.isAfter(time.instant())) {
            throw ConsentErrors.INVALID_PARAMETER.problem(
                    "knownAt is in the future: the service cannot answer with what it has not yet recorded", "knownAt");
        }
        Instant when = at == null ? now : at;
        Instant known = knownAt == null ? now : knownAt;
        List<ConsentCheckRow> found;
        if (subject != null && subject.matches("[0-9a-fA-F-]{36}")) {
            found = checks.bySubject(UUID.fromString(subject), noticeSlug);
        } else {
            Identifier id = SubjectService.parseIdentifier(subject, "subject");
            found = checks.byIdentifier(id.system(), id.value(), noticeSlug);
        }
        ConsentCheck.Answer answer = ConsentCheck.at(asKnownAt(found, known), purpose, when);
        if (!found.isEmpty()) {
            accessLog.record(AccessedSubject.byId(found.get(0).subjectId()), ConsentAccess.CHECK);
        }
        return new CheckResult(noticeSlug, purpose, when, known, answer);
    }

    /** The records as they stood at {@code knownAt}, newest first: from the record, or from its history if it changed since. */
    private List<ConsentCheck.Candidate> asKnownAt(List<ConsentCheckRow> found, Instant knownAt) {
        List<ConsentCheckRow> existing =
                found.stream().filter(r -> !r.recordedAt().isAfter(knownAt)).toList();
        List<UUID> changedSince = existing.stream()
                .filter(r -> r.changedAt().isAfter(knownAt))
                .map(ConsentCheckRow::id)
                .toList();
        Map<UUID, List<HistoryEntry>> entries = changedSince.isEmpty()
                ? Map.of()
                : records.historyUpTo(changedSince, knownAt).stream().collect(Collectors.groupingBy(h -> h.recordId));
        List<ConsentCheck.Candidate> out = new ArrayList<>();
        for (ConsentCheckRow r : existing) {
            out.add(entries.containsKey(r.id()) ? candidate(r, entries.get(r.id())) : candidate(r));
        }
        return out;
    }

    private static ConsentCheck.Candidate candidate(ConsentCheckRow r) {
        return new ConsentCheck.Candidate(
                r.id(),
                r.noticeVersion(),
                r.noticeContentHash(),
                r.state(),
                r.effective(),
                r.purposes(),
                r.missingParties(),
                r.recordedAt(),
                WithdrawalPolicy.startOf(r.givenOn()),
                r.effectiveFrom(),
                r.endedAt(),
                r.expiresAt(),
                r.reconsentRequired(),
                r.historyLength());
    }

    /**
     * The record as its history entries recorded up to then say: the last entry's state, the parties' outcome as the
     * last {@code recorded}/{@code party-added} entry gave it, re-consent flagged or not, and an end only if the ending
     * entry was recorded by then. Valid times (when it became effective, when it ended) are the record's own: each is
     * set once, by the entry that made it so.
     */
    private ConsentCheck.Candidate candidate(ConsentCheckRow r, List<HistoryEntry> known) {
        ConsentState state = known.get(known.size() - 1).toState;
        boolean effective = false;
        boolean everEffective = false;
        boolean reconsent = false;
        List<String> missing = r.missingParties();
        for (HistoryEntry h : known) {
            JsonNode payload = history.tree(h.payload);
            if (payload.has("effective")) {
                effective = payload.get("effective").asBoolean();
                everEffective |= effective;
            }
            if (payload.has("missingParties")) {
                List<String> parties = new ArrayList<>();
                payload.get("missingParties").forEach(p -> parties.add(p.asText()));
                missing = List.copyOf(parties);
            }
            reconsent |= "reconsent-required".equals(h.event)
                    || payload.path("reconsentRequired").asBoolean(false);
        }
        boolean ended = ENDED.contains(state);
        return new ConsentCheck.Candidate(
                r.id(),
                r.noticeVersion(),
                r.noticeContentHash(),
                state,
                effective && state == ConsentState.ACTIVE,
                r.purposes(),
                missing,
                r.recordedAt(),
                WithdrawalPolicy.startOf(r.givenOn()),
                everEffective ? r.effectiveFrom() : null,
                ended ? r.endedAt() : null,
                r.expiresAt(),
                reconsent,
                known.size());
    }
}
