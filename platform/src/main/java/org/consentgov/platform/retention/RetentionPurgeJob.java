package org.consentgov.platform.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs {@link RetentionPurge} every {@code platform.retention.every} (default one hour; {@code off} stops it, as
 * in tests, which call the purge themselves) on every replica: the batches' {@code SKIP LOCKED} lets replicas
 * purge side by side. One log line per run.
 */
@ApplicationScoped
public class RetentionPurgeJob {

    private static final Logger LOG = Logger.getLogger(RetentionPurgeJob.class);

    private final RetentionPurge purge;

    public RetentionPurgeJob(RetentionPurge purge) {
        this.purge = purge;
    }

    @Scheduled(
            identity = "platform-retention-purge",
            every = "${platform.retention.every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            RetentionReport report = purge.purge();
            LOG.infof(
                    "Retention purge: %d rows deleted (%s)",
                    report.totalRows(),
                    report.rules().stream().map(p -> p.rule() + "=" + p.rows()).collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            LOG.warnf(e, "retention purge failed; the next run retries");
        }
    }
}
