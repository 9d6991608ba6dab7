package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.consentgov.consent.persistence.SubjectRepository;
import org.consentgov.platform.access.AccessLogEntryView;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.access.SubjectAccessLogReader;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.ProblemException;

/**
 * "Who looked at this child's records?": the subject's access log, newest first. Reading it is itself logged as a
 * read of that subject ({@code read-access-log}): who read a child's log tells who was looking at that child. The
 * page returned does not yet hold its own read; the next one does.
 */
@ApplicationScoped
public class SubjectAccessQueries {

    private final SubjectRepository subjects;
    private final SubjectAccessLogReader reader;
    private final SubjectAccessLog accessLog;

    public SubjectAccessQueries(SubjectRepository subjects, SubjectAccessLogReader reader, SubjectAccessLog accessLog) {
        this.subjects = subjects;
        this.reader = reader;
        this.accessLog = accessLog;
    }

    @Transactional
    public PageView<AccessLogEntryView> accessLog(UUID subjectId, int page, int size) {
        if (subjects.findByIdOptional(subjectId).isEmpty()) {
            throw ProblemException.notFound("Subject", subjectId);
        }
        AccessedSubject subject = AccessedSubject.byId(subjectId);
        PageView<AccessLogEntryView> entries = reader.page(subject, page, size);
        accessLog.record(subject, ConsentAccess.READ_ACCESS_LOG);
        return entries;
    }
}
