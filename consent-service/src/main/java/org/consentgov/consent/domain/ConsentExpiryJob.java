package org.consentgov.consent.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.consentgov.consent.config.ConsentConfig;
import org.jboss.logging.Logger;

/**
 * Runs {@link ConsentExpiries} every {@code consent.expiry.every} (default 15 minutes; {@code off} to stop), at the
 * clock's time, batch after batch until nothing is left to expire or another replica holds the lock.
 */
@ApplicationScoped
public class ConsentExpiryJob {

    private static final Logger LOG = Logger.getLogger(ConsentExpiryJob.class);

    private final ConsentExpiries expiries;
    private final ConsentTime time;
    private final int batch;

    public ConsentExpiryJob(ConsentExpiries expiries, ConsentTime time, ConsentConfig config) {
        this.expiries = expiries;
        this.time = time;
        this.batch = config.expiry().batchSize();
    }

    @ActivateRequestContext
    @Scheduled(
            identity = "consent-expiry",
            every = "${consent.expiry.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int total = 0;
        while (true) {
            ConsentExpiries.Result result = expiries.expire(time.now(), batch);
            total += result.expired().size();
            if (!result.ran() || result.expired().size() < batch) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Consent expiry: %d records expired", total);
        }
    }
}
