package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.platform.access.AccessLogEntryView;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.access.SubjectAccessLogReader;
import org.consentgov.platform.identifiers.Identifier;
import org.consentgov.platform.paging.PageView;

/**
 * "Who looked at this child's decisions and disclosures?": the subject's access log in this service, newest first,
 * by the subject's identifier (this service keeps no subjects of its own). Reading it is itself logged as a read
 * of that subject ({@code read-access-log}); the page returned does not yet hold its own read.
 */
@ApplicationScoped
public class SubjectAccessQueries {

    private final SubjectAccessLogReader reader;
    private final SubjectAccessLog accessLog;

    public SubjectAccessQueries(SubjectAccessLogReader reader, SubjectAccessLog accessLog) {
        this.reader = reader;
        this.accessLog = accessLog;
    }

    @Transactional
    public PageView<AccessLogEntryView> accessLog(String subject, int page, int size) {
        if (subject == null || subject.isBlank()) {
            throw AgreementErrors.INVALID_SUBJECT.problem(
                    "Name the subject as system:value, e.g. nhs-number:9434765919", "subject");
        }
        Identifier identifier = DisclosureService.subject(subject, "subject");
        AccessedSubject accessed = new AccessedSubject.ByIdentifier(identifier);
        PageView<AccessLogEntryView> entries = reader.page(accessed, page, size);
        accessLog.record(accessed, AgreementAccess.READ_ACCESS_LOG);
        return entries;
    }
}
