package org.consentgov.consent.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.consentgov.consent.api.ConsentRequestMapper;
import org.consentgov.consent.api.ConsentRequests.CollectionMethod;
import org.consentgov.consent.api.ConsentRequests.IdentifierRequest;
import org.consentgov.consent.api.ConsentRequests.NoticeRefRequest;
import org.consentgov.consent.api.ConsentRequests.PartyRequest;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentRequests.SubjectRequest;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.consent.domain.Capacity;
import org.consentgov.consent.domain.ConsentRecording;
import org.consentgov.consent.domain.Decision;
import org.consentgov.consent.domain.WithdrawalPolicy;
import org.consentgov.consent.notices.NoticeClient;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Records the demo consents of {@code demo/consents.json} for the notice version notice-service has in force,
 * when demo data is on and no record exists for that notice yet. They go through
 * {@link ConsentRecording#record}, so every rule applies, recorded by "system", in one transaction: all or
 * none, so that the "none yet" test stays true until a whole set is in.
 *
 * <p>The subjects are synthetic. Their NHS numbers, 9990000018, 9990000026, 9990000034, 9990000042,
 * 9990000050, 9990000069, 9990000077 and 9990000085, pass the modulus 11 check but sit in the 999 range that
 * NHS England keeps for test numbers, which are never issued to a person; their case-management ids are
 * {@code DEMO-WIMTM-01} to {@code -08}. Ages and dates are relative to the day of loading (Europe/London), so
 * that the demo always shows records inside and past the 14-day withdrawal window.
 *
 * <p>A demo must never stop the service: when notice-service does not answer after a few tries with a
 * bounded backoff, or a record breaks a rule, this logs a warning and the service starts without them.
 */
@ApplicationScoped
public class DemoConsents {

    static final String FILE = "demo/consents.json";
    static final int ATTEMPTS = 6;
    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(8);
    private static final Logger LOG = Logger.getLogger(DemoConsents.class);

    record DemoSet(String notice, String purpose, List<DemoSubject> subjects) {}

    record DemoSubject(
            String scenario,
            String nhsNumber,
            String caseManagementId,
            int ageYears,
            int formReceivedDaysAgo,
            CollectionMethod collectionMethod,
            List<DemoParty> parties) {}

    record DemoParty(String role, String relationship, Decision decision, Capacity capacity) {}

    private final ConsentRecording service;
    private final ConsentRecordRepository records;
    private final NoticeClient notices;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final boolean enabled;

    public DemoConsents(
            ConsentRecording service,
            ConsentRecordRepository records,
            @RestClient NoticeClient notices,
            ObjectMapper mapper,
            Clock clock,
            ConsentConfig config) {
        this.service = service;
        this.records = records;
        this.notices = notices;
        this.mapper = mapper;
        this.clock = clock;
        this.enabled = config.demoData().enabled();
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            load();
        } catch (RuntimeException e) {
            LOG.warnf("Demo consents not loaded: %s", e.getMessage());
        }
    }

    private void load() {
        DemoSet demo = read();
        boolean present = QuarkusTransaction.requiringNew()
                .call(() ->
                        records.count(new ConsentRecordRepository.Filter(demo.notice(), null, null, null, null)) > 0);
        if (present) {
            LOG.debugf("Demo consents skipped: records for %s exist already", demo.notice());
            return;
        }
        Optional<PublishedNotice> notice = currentNotice(demo.notice());
        if (notice.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), WithdrawalPolicy.LONDON);
        List<RecordConsentRequest> requests = demo.subjects().stream()
                .map(s -> request(demo, notice.get(), s, today))
                .toList();
        QuarkusTransaction.requiringNew()
                .run(() -> requests.forEach(r -> service.record(ConsentRequestMapper.command(r))));
        LOG.infof(
                "Recorded %d demo consents for %s version %d",
                requests.size(), demo.notice(), notice.get().version());
    }

    /** The version in force, asking again with a growing pause while notice-service is not up yet. */
    private Optional<PublishedNotice> currentNotice(String slug) {
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            String why;
            try {
                PublishedNotice notice = notices.current(slug);
                if (notice != null && notice.contentHash() != null) {
                    return Optional.of(notice);
                }
                why = "an incomplete notice";
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 404) {
                    LOG.warnf(
                            "Demo consents skipped: notice-service publishes no notice '%s' (is its demo data on?)",
                            slug);
                    return Optional.empty();
                }
                why = "status " + status;
            } catch (ProcessingException e) {
                why = e.getMessage();
            }
            if (attempt == ATTEMPTS) {
                LOG.warnf(
                        "Demo consents skipped: notice-service did not give '%s' after %d attempts (last: %s)",
                        slug, ATTEMPTS, why);
                return Optional.empty();
            }
            LOG.infof(
                    "notice-service not ready for the demo consents (%s); asking again in %d ms",
                    why, delay.toMillis());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    private static RecordConsentRequest request(DemoSet demo, PublishedNotice notice, DemoSubject s, LocalDate today) {
        LocalDate received = today.minusDays(s.formReceivedDaysAgo());
        // a few months past the birthday, so that the age holds on the day the form came back too
        LocalDate born = today.minusYears(s.ageYears()).minusMonths(4);
        LocalDate signed = received.minusDays(1);
        List<PartyRequest> parties = s.parties().stream()
                .map(p -> new PartyRequest(
                        p.role(),
                        p.relationship(),
                        p.decision(),
                        p.capacity(),
                        p.capacity() == null || p.capacity() == Capacity.NOT_ASSESSED ? null : received.minusDays(2),
                        signed))
                .toList();
        return new RecordConsentRequest(
                new SubjectRequest(
                        List.of(
                                new IdentifierRequest("nhs-number", s.nhsNumber()),
                                new IdentifierRequest("case-management-id", s.caseManagementId())),
                        born),
                null,
                new NoticeRefRequest(notice.slug(), notice.version(), notice.contentHash()),
                List.of(demo.purpose()),
                null,
                parties,
                s.collectionMethod(),
                received.minusDays(7),
                received,
                "Demo form " + s.caseManagementId() + " (synthetic)",
                signed);
    }

    private DemoSet read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing");
            }
            return mapper.readValue(in, DemoSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
