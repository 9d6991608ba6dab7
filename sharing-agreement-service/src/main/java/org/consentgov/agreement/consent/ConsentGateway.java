package org.consentgov.agreement.consent;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks consent-service whether a subject had an effective consent at a time, as recorded by another, within a time limit and behind a circuit
 * breaker. Whatever goes wrong — an error status, no answer in time, the circuit open — the answer is
 * UNAVAILABLE, which a sharing decision turns into DENY: consent is never guessed.
 */
@ApplicationScoped
public class ConsentGateway {

    public static final String CIRCUIT = "consent-service";
    private static final Logger LOG = Logger.getLogger(ConsentGateway.class);

    private final ConsentClient client;

    public ConsentGateway(@RestClient ConsentClient client) {
        this.client = client;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName(CIRCUIT)
    @Fallback(fallbackMethod = "unavailable")
    public ConsentAnswer check(String subject, String notice, String purpose, Instant at, Instant knownAt) {
        return ConsentAnswer.of(client.check(subject, notice, purpose, at.toString(), knownAt.toString()));
    }

    ConsentAnswer unavailable(
            String subject, String notice, String purpose, Instant at, Instant knownAt, Throwable cause) {
        // the cause's message may carry the request URI, whose query names the subject: log its kind only
        LOG.warnf(
                "consent-service gave no usable answer for notice %s, purpose %s: %s",
                notice, purpose, cause == null ? "unknown" : cause.getClass().getSimpleName());
        return ConsentAnswer.unavailable("consent-service could not answer ("
                + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")");
    }
}
