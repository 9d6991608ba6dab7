package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.WithdrawalRequestRepository;

/**
 * The DPO dashboard's figures: records by state and by notice version, re-consent flags and the late-withdrawal
 * queue, each from one GROUP BY statement. Counts only, so nothing is written to the subject access log.
 */
@ApplicationScoped
public class ConsentSummaries {

    private final ConsentRecordRepository records;
    private final WithdrawalRequestRepository withdrawals;
    private final ConsentTime time;

    public ConsentSummaries(
            ConsentRecordRepository records, WithdrawalRequestRepository withdrawals, ConsentTime time) {
        this.records = records;
        this.withdrawals = withdrawals;
        this.time = time;
    }

    /** {@code asOf} is taken before the two statements run; a change committed between them may show in one only. */
    @Transactional
    public ConsentSummary summary() {
        return ConsentSummary.of(time.now(), records.countsByNoticeAndState(), withdrawals.countsByStatus());
    }
}
