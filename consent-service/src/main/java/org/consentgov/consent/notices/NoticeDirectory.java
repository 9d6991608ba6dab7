package org.consentgov.consent.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.platform.problem.ProblemException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Published notice versions, fetched from notice-service once and then kept: a published version's content
 * never changes, so the cache needs no expiry, only a bound. Its in-force interval does change once, when the
 * next version is published or it is retired: {@link #pinnable} asks again for a version whose interval is still
 * open, and keeps the answer once it is closed. A version notice-service does not publish is a 422 for the
 * caller; notice-service not answering is a 503 with Retry-After, so that nothing is recorded against a notice
 * version nobody could check.
 */
@ApplicationScoped
public class NoticeDirectory {

    private static final Logger LOG = Logger.getLogger(NoticeDirectory.class);
    private static final int MAX_CACHED = 1000;

    private final NoticeClient client;
    private final int retryAfterSeconds;
    private final Map<String, PublishedNotice> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PublishedNotice> eldest) {
            return size() > MAX_CACHED;
        }
    };

    public NoticeDirectory(@RestClient NoticeClient client, ConsentConfig config) {
        this.client = client;
        this.retryAfterSeconds = config.notices().retryAfterSeconds();
    }

    public PublishedNotice published(String slug, int version) {
        String key = slug + "@" + version;
        synchronized (cache) {
            PublishedNotice cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        PublishedNotice fetched = fetch(slug, version);
        synchronized (cache) {
            cache.put(key, fetched);
        }
        return fetched;
    }

    /**
     * The version with an up-to-date in-force interval, to pin a consent to it: from the cache only when its
     * interval is closed (it can no longer change), otherwise asked of notice-service again.
     */
    public PublishedNotice pinnable(String slug, int version) {
        PublishedNotice known = published(slug, version);
        if (known.inForceUntil() != null) {
            return known;
        }
        PublishedNotice fetched = fetch(slug, version);
        synchronized (cache) {
            cache.put(slug + "@" + version, fetched);
        }
        return fetched;
    }

    /** A later version, or empty when notice-service has never published that number. */
    public Optional<PublishedNotice> ifPublished(String slug, int version) {
        try {
            return Optional.of(published(slug, version));
        } catch (ProblemException e) {
            if (ConsentErrors.NOTICE_VERSION_NOT_PUBLISHED.code().equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The version that was in force at an instant, or empty when none was; never cached (it is for messages). */
    public Optional<PublishedNotice> inForceAt(String slug, Instant at) {
        try {
            return Optional.ofNullable(client.inForceAt(slug, at));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            LOG.warnf("notice-service answered %d for %s at %s", e.getResponse().getStatus(), slug, at);
            throw unavailable("notice-service answered " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            LOG.warnf("notice-service unreachable for %s at %s: %s", slug, at, e.getMessage());
            throw unavailable("notice-service did not answer in time");
        }
    }

    private PublishedNotice fetch(String slug, int version) {
        try {
            PublishedNotice notice = client.version(slug, version);
            if (notice == null || notice.contentHash() == null || notice.content() == null) {
                throw unavailable("notice-service returned an incomplete notice");
            }
            return notice;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ConsentErrors.NOTICE_VERSION_NOT_PUBLISHED.problem(
                        "Notice '" + slug + "' has no published version " + version
                                + " (unknown, or still a draft): consent can only be recorded against a published notice",
                        "notice.version");
            }
            LOG.warnf("notice-service answered %d for %s@%d", status, slug, version);
            throw unavailable("notice-service answered " + status);
        } catch (ProcessingException e) {
            LOG.warnf("notice-service unreachable for %s@%d: %s", slug, version, e.getMessage());
            throw unavailable("notice-service did not answer in time");
        }
    }

    private ProblemException unavailable(String why) {
        return ConsentErrors.NOTICE_SERVICE_UNAVAILABLE
                .problem("The notice version cannot be verified right now (" + why
                        + "); nothing was recorded. Retry later.")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }
}
