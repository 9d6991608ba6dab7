package org.consentgov.agreement.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.consentgov.agreement.api.OrganisationViews.CreateOrganisationRequest;
import org.consentgov.agreement.config.AgreementConfig;
import org.consentgov.agreement.domain.AgreementContent;
import org.consentgov.agreement.domain.AgreementDetails;
import org.consentgov.agreement.domain.AgreementDrafting;
import org.consentgov.agreement.domain.AgreementDrafting.NewAgreement;
import org.consentgov.agreement.domain.AgreementQueries;
import org.consentgov.agreement.domain.AgreementSigning;
import org.consentgov.agreement.domain.AgreementState;
import org.consentgov.agreement.domain.AgreementSummary;
import org.consentgov.agreement.domain.OrganisationService;
import org.consentgov.agreement.persistence.AgreementFilter;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.jboss.logging.Logger;

/**
 * Loads the organisations of both seed notices and the two agreements of the seeds — the research ISA between
 * the council and the University of Bedfordshire, the EYES ISA between the council and Luton Schools — and
 * brings the agreements into force through the same service and rules as any other: submitted, then signed by
 * each party's demo signatory. Safe to run again: what exists is kept, what is half done is finished. When
 * notice-service is not up yet, the loading is retried every minute until it succeeds.
 */
@ApplicationScoped
public class DemoData {

    static final String ORGANISATIONS = "demo/organisations.json";
    static final List<String> AGREEMENTS =
            List.of("demo/agreements/what-it-means-to-me-research.json", "demo/agreements/eyes-luton-schools.json");
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    record Signatory(String organisation, String user) {}

    record DemoAgreement(String reference, List<Signatory> signatories, AgreementContent content) {}

    private final OrganisationService organisations;
    private final AgreementQueries queries;
    private final AgreementDrafting drafting;
    private final AgreementSigning signing;
    private final ObjectMapper mapper;
    private final AgreementConfig config;
    private final AtomicBoolean pending = new AtomicBoolean();

    public DemoData(
            OrganisationService organisations,
            AgreementQueries queries,
            AgreementDrafting drafting,
            AgreementSigning signing,
            ObjectMapper mapper,
            AgreementConfig config) {
        this.organisations = organisations;
        this.queries = queries;
        this.drafting = drafting;
        this.signing = signing;
        this.mapper = mapper;
        this.config = config;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (config.demoData().enabled()) {
            load();
        }
    }

    @Scheduled(identity = "agreement-demo-data-retry", every = "60s", delayed = "60s")
    @ActivateRequestContext
    void retry() {
        if (pending.get()) {
            load();
        }
    }

    void load() {
        try {
            for (CreateOrganisationRequest o :
                    read(ORGANISATIONS, new TypeReference<List<CreateOrganisationRequest>>() {})) {
                if (!organisations.exists(o.slug())) {
                    organisations.create(o.slug(), o.details());
                }
            }
            for (String file : AGREEMENTS) {
                bringIntoForce(read(file, new TypeReference<DemoAgreement>() {}));
            }
            pending.set(false);
        } catch (ProblemException e) {
            if (e.kind() != ProblemKind.SERVICE_UNAVAILABLE) {
                throw e;
            }
            pending.set(true);
            LOG.warnf("Demo agreements not loaded yet (%s); retrying in a minute", e.getMessage());
        }
    }

    private void bringIntoForce(DemoAgreement demo) {
        List<AgreementSummary> existing = queries.list(new AgreementFilter(null, null, demo.reference()), 0, 1)
                .items();
        AgreementDetails agreement = existing.isEmpty()
                ? drafting.create(new NewAgreement(demo.reference(), demo.content()))
                : queries.get(existing.get(0).agreement().id);
        if (agreement.state() == AgreementState.DRAFT) {
            agreement = signing.submit(agreement.id(), agreement.rowVersion());
        }
        if (agreement.state() == AgreementState.PENDING_SIGNATURE) {
            for (Signatory s : demo.signatories()) {
                if (agreement.awaitingSignature() != null
                        && agreement.awaitingSignature().contains(s.organisation())) {
                    agreement = signing.signAs(
                            agreement.id(),
                            agreement.number(),
                            new AgreementSigning.Signer(s.user(), s.organisation()),
                            "demo data");
                }
            }
            LOG.infof("Demo agreement %s is %s", demo.reference(), agreement.state());
        }
    }

    private <T> T read(String file, TypeReference<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
