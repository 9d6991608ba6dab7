package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;

/** What of a record the caller may see: auditors never see a subject's identifiers. */
@ApplicationScoped
public class ConsentDetailsReader {

    private final SubjectService subjects;
    private final Caller caller;

    public ConsentDetailsReader(SubjectService subjects, Caller caller) {
        this.subjects = subjects;
        this.caller = caller;
    }

    /**
     * The record with its parties loaded, so it can be shown after the transaction; identifiers only when {@code
     * withIdentifiers} and the caller's role needs them. Call inside the transaction that read the record.
     */
    public ConsentDetails details(ConsentRecord record, boolean withIdentifiers) {
        record.parties.size();
        return new ConsentDetails(
                record,
                withIdentifiers && !caller.hasRole(Roles.AUDITOR) ? subjects.identifiers(record.subjectId) : null);
    }
}
