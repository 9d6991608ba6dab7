package org.consentgov.agreement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import org.consentgov.platform.retention.RetentionRule;
import org.consentgov.platform.retention.RetentionRules;

/**
 * The retention of this service's own tables that grow (platform/RETENTION.md); the platform purges its own tables.
 * Organisations, agreements and their versions, parties, signatures, history and events, sharing decisions and
 * disclosures are evidence: no rule names them.
 */
@ApplicationScoped
public class AgreementRetentionRules implements RetentionRules {

    /** Notice events already acted on: a redelivery within the period is still recognised and changes nothing. */
    public static final RetentionRule PROCESSED_NOTICE_EVENTS = RetentionRule.olderThan(
            "processed-notice-event", "processed_notice_event", "processed_at", null, Period.ofDays(30));

    /** Who read whose decisions and disclosures: kept for the records-management period (RETENTION.md). */
    public static final RetentionRule ACCESS_LOG =
            RetentionRule.olderThan("subject-access-log", "subject_access_log", "at", null, Period.ofYears(6));

    @Override
    public List<RetentionRule> rules() {
        return List.of(PROCESSED_NOTICE_EVENTS, ACCESS_LOG);
    }
}
