package org.consentgov.agreement.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Runs the daily checks on the configured schedule, at the clock's time. All the logic is in {@link DailyChecks}. */
@ApplicationScoped
public class DailyChecksJob {

    private static final Logger LOG = Logger.getLogger(DailyChecksJob.class);

    private final DailyChecks checks;
    private final Clock clock;

    public DailyChecksJob(DailyChecks checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @ActivateRequestContext
    @Scheduled(
            identity = "agreement-daily-checks",
            cron = "${agreement.daily-checks.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        DailyChecks.Result result = checks.runDailyChecks(clock.instant());
        if (result.ran()) {
            LOG.infof(
                    "Daily checks: %d expired, %d reviews due, %d access windows ending, %d ended",
                    result.expired().size(),
                    result.reviewDue().size(),
                    result.accessWindowEnding().size(),
                    result.accessWindowEnded().size());
        } else {
            LOG.info("Daily checks skipped: another replica is running them");
        }
    }
}
