package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.Scope;

/**
 * The DPO dashboard's view of agreements within the caller's scope: counts by state (one GROUP BY) and the dates
 * coming up ({@link AgreementDeadlines}, over one projection of the agreements in force). Counts and agreement
 * dates only, so nothing is written to the subject access log.
 */
@ApplicationScoped
public class AgreementOverviews {

    private final AgreementRepository agreements;
    private final Scopes scopes;
    private final Clock clock;

    public AgreementOverviews(AgreementRepository agreements, Scopes scopes, Clock clock) {
        this.agreements = agreements;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** {@code days} from 1 to {@link AgreementDeadlines#MAX_DAYS}, checked by the web layer. */
    @Transactional
    public AgreementOverview overview(int days) {
        Scope scope = scopes.current();
        Instant now = clock.instant();
        return AgreementOverview.of(
                now,
                days,
                agreements.countsByState(scope),
                AgreementDeadlines.within(
                        agreements.inForceWithDatesBy(
                                AgreementDeadlines.until(now, days), AgreementDeadlines.after(now, days), scope),
                        now,
                        days));
    }
}
