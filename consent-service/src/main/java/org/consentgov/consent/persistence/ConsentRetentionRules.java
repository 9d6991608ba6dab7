package org.consentgov.consent.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import org.consentgov.platform.retention.RetentionRule;
import org.consentgov.platform.retention.RetentionRules;

/**
 * The retention of this service's own tables that grow (platform/RETENTION.md); the platform purges its own tables.
 * Subjects, records, parties, history, withdrawal requests and receipt signing keys are evidence: no rule names
 * them.
 */
@ApplicationScoped
public class ConsentRetentionRules implements RetentionRules {

    /** Notice events already acted on: a redelivery within the period is still recognised and changes nothing. */
    public static final RetentionRule PROCESSED_NOTICE_EVENTS = RetentionRule.olderThan(
            "processed-notice-event", "processed_notice_event", "processed_at", null, Period.ofDays(30));

    /** Who read whose records: kept for the records-management period (six years: RETENTION.md says why). */
    public static final RetentionRule ACCESS_LOG =
            RetentionRule.olderThan("subject-access-log", "subject_access_log", "at", null, Period.ofYears(6));

    /** The progress report of a finished bulk import; every record it made keeps its own history. */
    public static final RetentionRule FINISHED_IMPORTS = RetentionRule.olderThan(
            "consent-import", "consent_import", "finished_at", "t.state <> 'RUNNING'", Period.ofYears(1));

    @Override
    public List<RetentionRule> rules() {
        return List.of(PROCESSED_NOTICE_EVENTS, ACCESS_LOG, FINISHED_IMPORTS);
    }
}
