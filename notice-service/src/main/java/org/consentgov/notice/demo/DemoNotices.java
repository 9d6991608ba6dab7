package org.consentgov.notice.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.consentgov.notice.config.NoticeConfig;
import org.consentgov.notice.domain.NoticeContent;
import org.consentgov.notice.domain.NoticeDrafting;
import org.consentgov.notice.domain.NoticePublication;
import org.consentgov.notice.domain.NoticeQueries;
import org.consentgov.notice.domain.VersionDetails;
import org.consentgov.notice.domain.VersionState;
import org.jboss.logging.Logger;

/**
 * Publishes the two seed notices (shared/seeds, structured in demo/notices/) when demo data is on and
 * they are not there yet. They go through the same use cases and rules as any other notice, so a seed
 * that broke a publication rule would stop the start-up.
 */
@ApplicationScoped
public class DemoNotices {

    static final List<String> FILES =
            List.of("demo/notices/what-it-means-to-me.json", "demo/notices/children-families-education.json");
    private static final Logger LOG = Logger.getLogger(DemoNotices.class);

    record DemoNotice(String slug, Instant effectiveFrom, NoticeContent content) {}

    private final NoticeQueries queries;
    private final NoticeDrafting drafting;
    private final NoticePublication publication;
    private final ObjectMapper mapper;
    private final NoticeConfig config;

    public DemoNotices(
            NoticeQueries queries,
            NoticeDrafting drafting,
            NoticePublication publication,
            ObjectMapper mapper,
            NoticeConfig config) {
        this.queries = queries;
        this.drafting = drafting;
        this.publication = publication;
        this.mapper = mapper;
        this.config = config;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (!config.demoData().enabled()) {
            return;
        }
        for (String file : FILES) {
            DemoNotice demo = read(file);
            VersionDetails draft;
            if (queries.exists(demo.slug())) {
                var versions = queries.get(demo.slug()).versions();
                if (versions.stream().anyMatch(v -> v.state().wasPublished())) {
                    continue;
                }
                draft = queries.version(
                        demo.slug(), versions.get(versions.size() - 1).number());
            } else {
                draft = drafting.create(demo.slug(), demo.content());
            }
            if (draft.state() == VersionState.DRAFT) {
                publication.publish(demo.slug(), draft.number(), draft.rowVersion(), demo.effectiveFrom());
                LOG.infof("Published demo notice %s", demo.slug());
            }
        }
    }

    private DemoNotice read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing");
            }
            return mapper.readValue(in, DemoNotice.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
