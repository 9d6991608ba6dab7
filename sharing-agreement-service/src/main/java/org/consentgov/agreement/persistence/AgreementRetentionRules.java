package org.consentgov.agreement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.consentgov.platform.retention.PlatformRetentionRules;
import org.consentgov.platform.retention.RetentionRule;
import org.consentgov.platform.retention.RetentionRules;

/**
 * The retention of this service's own tables that grow (platform/RETENTION.md): the processed notice events and the
 * access log by the rules the platform defines for them (both are written through the platform).
 * Organisations, agreements and their versions, parties, signatures, history and events, sharing decisions and
 * disclosures are evidence: no rule names them.
 */
@ApplicationScoped
public class AgreementRetentionRules implements RetentionRules {

    @Override
    public List<RetentionRule> rules() {
        return List.of(PlatformRetentionRules.PROCESSED_NOTICE_EVENTS, PlatformRetentionRules.ACCESS_LOG);
    }
}
