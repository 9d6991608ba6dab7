package org.consentgov.consent.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import org.consentgov.platform.retention.PlatformRetentionRules;
import org.consentgov.platform.retention.RetentionRule;
import org.consentgov.platform.retention.RetentionRules;

/**
 * The retention of this service's own tables that grow (platform/RETENTION.md): the processed notice events and the
 * access log by the rules the platform defines for them (both are written through the platform), and its own.
 * Subjects, records, parties, history, withdrawal requests and receipt signing keys are evidence: no rule names
 * them.
 */
@ApplicationScoped
public class ConsentRetentionRules implements RetentionRules {

    /** The progress report of a finished bulk import; every record it made keeps its own history. */
    public static final RetentionRule FINISHED_IMPORTS = RetentionRule.olderThan(
            "consent-import", "consent_import", "finished_at", "t.state <> 'RUNNING'", Period.ofYears(1));

    @Override
    public List<RetentionRule> rules() {
        return List.of(
                PlatformRetentionRules.PROCESSED_NOTICE_EVENTS, PlatformRetentionRules.ACCESS_LOG, FINISHED_IMPORTS);
    }
}
