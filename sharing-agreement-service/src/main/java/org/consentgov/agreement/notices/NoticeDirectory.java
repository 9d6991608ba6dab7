package org.consentgov.agreement.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.config.AgreementConfig;
import org.consentgov.platform.problem.ProblemException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Published notices, asked of notice-service each time: whether a version is still the published one changes
 * when the notice moves on, so nothing is cached. A version notice-service does not publish is empty; notice-service
 * not answering is a 503 with Retry-After, so that nothing is decided on a notice nobody could check.
 */
@ApplicationScoped
public class NoticeDirectory {

    private static final Logger LOG = Logger.getLogger(NoticeDirectory.class);

    private final NoticeClient client;
    private final AgreementConfig config;

    public NoticeDirectory(@RestClient NoticeClient client, AgreementConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The version as published (state PUBLISHED, SUPERSEDED or RETIRED), or empty when it never was. */
    public Optional<PublishedNotice> version(String slug, int version) {
        return optional(() -> client.version(slug, version), slug + "@" + version);
    }

    /** The notices that have a version in force. */
    public List<NoticeSummary> published() {
        try {
            List<NoticeSummary> all = call(client::published, "the list of notices");
            return all == null ? List.of() : all;
        } catch (NotPublished e) {
            throw unavailable("notice-service has no list of notices");
        }
    }

    /** The version in force of a notice, or empty when it has none. */
    public Optional<PublishedNotice> current(String slug) {
        return optional(() -> client.current(slug), slug);
    }

    /**
     * The version of the notice in force at the instant, asked without waiting: a sharing decision asks it beside
     * consent-service and only cites the answer, so no answer is {@link NoticeAtTime#UNAVAILABLE}, never a failure.
     */
    public CompletableFuture<NoticeAtTime> inForceAt(String slug, Instant at) {
        try {
            return client.inForceAt(slug, at.toString())
                    .toCompletableFuture()
                    .thenApply(n -> n != null && n.covers(at)
                            ? new NoticeAtTime(NoticeAtTime.Status.IN_FORCE, n)
                            : NoticeAtTime.UNAVAILABLE)
                    .exceptionally(e -> {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        if (cause instanceof WebApplicationException w
                                && w.getResponse().getStatus() == 404) {
                            return NoticeAtTime.NONE;
                        }
                        LOG.warnf(
                                "notice-service gave no notice in force for %s: %s",
                                slug, cause.getClass().getSimpleName());
                        return NoticeAtTime.UNAVAILABLE;
                    })
                    .completeOnTimeout(
                            NoticeAtTime.UNAVAILABLE, config.notices().timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "notice-service could not be asked for %s: %s",
                    slug, e.getClass().getSimpleName());
            return CompletableFuture.completedFuture(NoticeAtTime.UNAVAILABLE);
        }
    }

    private Optional<PublishedNotice> optional(Supplier<PublishedNotice> call, String what) {
        try {
            PublishedNotice notice = call(call, what);
            if (notice == null || notice.state() == null) {
                throw unavailable("notice-service returned an incomplete notice for " + what);
            }
            return Optional.of(notice);
        } catch (NotPublished e) {
            return Optional.empty();
        }
    }

    private <T> T call(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new NotPublished();
            }
            LOG.warnf("notice-service answered %d for %s", status, what);
            throw unavailable("notice-service answered " + status);
        } catch (ProcessingException e) {
            LOG.warnf("notice-service unreachable for %s: %s", what, e.getMessage());
            throw unavailable("notice-service did not answer in time");
        }
    }

    private ProblemException unavailable(String why) {
        return AgreementErrors.NOTICE_SERVICE_UNAVAILABLE
                .problem("The privacy notices cannot be checked right now (" + why
                        + "); nothing was changed. Retry later.")
                .withHeader("Retry-After", Integer.toString(config.notices().retryAfterSeconds()));
    }

    private static final class NotPublished extends RuntimeException {
        NotPublished() {
            super(null, null, false, false);
        }
    }
}
