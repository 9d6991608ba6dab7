package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.config.ResearchAccess;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;

/** The check API: is there an effective consent for subject S, notice N and purpose P at time T? */
@ApplicationScoped
public class ConsentCheckService {

    /** The answer, for the notice, purpose and time asked about, and the record relied on if any. */
    public record CheckResult(String notice, String purpose, Instant at, ConsentCheck.Answer answer) {}

    private final ConsentRecordRepository records;
    private final SubjectAccessLog accessLog;
    private final ResearchAccess researchAccess;
    private final Caller caller;
    private final ConsentTime time;

    public ConsentCheckService(
            ConsentRecordRepository records,
            SubjectAccessLog accessLog,
            ResearchAccess researchAccess,
            Caller caller,
            ConsentTime time) {
        this.records = records;
        this.accessLog = accessLog;
        this.researchAccess = researchAccess;
        this.caller = caller;
        this.time = time;
    }

    /**
     * The hot path: one query, then the pure {@link ConsentCheck}. A researcher asks only about the notices of
     * their organisation's agreements; any other notice is answered as unknown.
     */
    @Transactional
    public CheckResult check(String subject, String noticeSlug, String purpose, Instant at) {
        if (caller.hasRole(Roles.RESEARCHER)
                && !caller.hasRole(Roles.DPO)
                && !researchAccess.allows(caller.org().orElse(null), noticeSlug)) {
            throw ConsentErrors.NOT_FOUND.problem(
                    "No agreement of your organisation covers notice '" + noticeSlug + "'");
        }
        Instant when = at == null ? time.now() : at;
        List<ConsentRecord> found;
        if (subject != null && subject.matches("[0-9a-fA-F-]{36}")) {
            found = records.forCheckBySubject(UUID.fromString(subject), noticeSlug);
        } else {
            Identifier id = SubjectService.parseIdentifier(subject, "subject");
            found = records.forCheckByIdentifier(id.system(), id.value(), noticeSlug);
        }
        ConsentCheck.Answer answer = ConsentCheck.at(
                found.stream().map(ConsentCheckService::candidate).toList(), purpose, when);
        if (!found.isEmpty()) {
            accessLog.record(AccessedSubject.byId(found.get(0).subjectId), "check");
        }
        return new CheckResult(noticeSlug, purpose, when, answer);
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
}
