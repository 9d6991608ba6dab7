package org.consentgov.reliability.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every reliability test runs against, started once per test JVM: the tests' own PostgreSQL (restartable),
 * the tests' own OIDC provider, and notice-service, consent-service and sharing-agreement-service as processes of
 * their real jars on free ports, calling each other directly (the same configuration knobs as {@code ./run}, with
 * demo data on). A test that stops or kills something brings it back before it ends, so the next finds the suite
 * whole. Everything is stopped when the test run ends (the JUnit store closes the suite) or the JVM exits.
 */
public final class Suite implements AutoCloseable {

    public static final String NOTICES = "notices";
    public static final String CONSENTS = "consents";
    public static final String AGREEMENTS = "agreements";
    /** The demo realm's secret for consent-service's notice-event webhook (demo-only, as in ./run). */
    static final String NOTICE_EVENTS_SECRET = "demo-only-notice-events-secret-0123456789abcdefgh";
    /** consent-service's receipt key-encryption key, one per suite (its consents database is fresh too). */
    private static final String RECEIPT_KEK = randomKek();
    /** The key-encryption keys of notice- and sharing-agreement-service's webhook secrets, one per suite too. */
    private static final String NOTICE_KEK = randomKek();

    private static final String AGREEMENT_KEK = randomKek();

    private final Path root;
    private final Path target;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Postgres postgres;
    private OidcProvider oidc;
    private ServiceProcess notice;
    private ServiceProcess consent;
    private ServiceProcess agreement;

    private Suite(Path root, Path target) {
        this.root = root;
        this.target = target;
    }

    public static boolean longForm() {
        return Boolean.getBoolean("reliability.long");
    }

    static Suite start() {
        Path root = Path.of(System.getProperty("reliability.repository-root", ".."))
                .toAbsolutePath()
                .normalize();
        Path target = Path.of(System.getProperty("reliability.target", "target"))
                .toAbsolutePath()
                .normalize();
        Suite suite = new Suite(root, target);
        Thread hook = new Thread(suite::close, "reliability-suite-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() {
        postgres = Postgres.fresh(target.resolve("reliability-postgres"));
        started.add(postgres);
        for (String db : List.of(NOTICES, CONSENTS, AGREEMENTS)) {
            postgres.createDatabase(db);
        }
        oidc = OidcProvider.start();
        started.add(oidc);

        Path logs = target.resolve("reliability-logs");
        notice = service("notice-service", logs, "NOTICE_SERVICE_PORT", NOTICES);
        consent = service("consent-service", logs, "CONSENT_SERVICE_PORT", CONSENTS);
        agreement = service("sharing-agreement-service", logs, "SHARING_AGREEMENT_SERVICE_PORT", AGREEMENTS);
        notice.env("NOTICE_DEMO_DATA", "true")
                .env("NOTICE_CLIENT_SECRET", "notice-service-secret")
                .env("NOTICE_KEK", NOTICE_KEK)
                .env("CONSENT_SERVICE_URL", consent.url())
                .env("SHARING_AGREEMENT_SERVICE_URL", agreement.url());
        consent.env("CONSENT_DEMO_DATA", "true")
                .env("NOTICE_SERVICE_URL", notice.url())
                .env("CONSENT_CLIENT_SECRET", "consent-service-secret")
                .env("CONSENT_NOTICE_EVENTS_SECRET", NOTICE_EVENTS_SECRET)
                .env("CONSENT_NOTICE_EVENTS_TARGET_URL", consent.url() + "/api/consents/notice-events")
                .env("PUBLIC_NOTICE_BASE_URL", notice.url() + "/public/notices")
                .env("CONSENT_RECEIPT_KEK", RECEIPT_KEK);
        agreement
                .env("AGREEMENT_DEMO_DATA", "true")
                .env("AGREEMENT_CLIENT_SECRET", "sharing-agreement-service-secret")
                .env("AGREEMENT_KEK", AGREEMENT_KEK)
                .env("NOTICE_SERVICE_URL", notice.url())
                .env("CONSENT_SERVICE_URL", consent.url())
                .env("AGREEMENT_NOTICE_EVENTS_SECRET", NOTICE_EVENTS_SECRET)
                .env("AGREEMENT_NOTICE_EVENTS_TARGET_URL", agreement.url() + "/api/agreements/notice-events");
        // notice-service first: the others read its published notices at start-up; then those two side by side
        notice.start();
        CompletableFuture<ServiceProcess> agreementStarted = CompletableFuture.supplyAsync(agreement::start);
        consent.start();
        try {
            agreementStarted.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private ServiceProcess service(String name, Path logs, String portVariable, String database) {
        ServiceProcess service = new ServiceProcess(name, root, logs, Ports.free());
        started.add(service);
        service.env(portVariable, Integer.toString(service.port()))
                .env("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database))
                .env("QUARKUS_DATASOURCE_USERNAME", "postgres")
                .env("QUARKUS_DATASOURCE_PASSWORD", "")
                .env("OIDC_AUTH_SERVER_URL", oidc.realmUrl())
                .env("LOG_JSON", "false")
                // webhook retries in seconds, not minutes, and never parked while a test's receiver is down
                .env("EVENTS_DISPATCH_INTERVAL", "1s")
                .env("EVENTS_MAX_ATTEMPTS", "1000")
                // the tests' receivers and the services' own are plain http on loopback: exempt from the fence
                .env("EVENTS_TARGET_ALLOW_LIST", "localhost,127.0.0.1")
                .env("PLATFORM_EVENTS_BACKOFF_BASE", "1s")
                .env("PLATFORM_EVENTS_BACKOFF_CAP", "2s")
                .env("PLATFORM_EVENTS_CONNECT_TIMEOUT", "1s")
                .env("PLATFORM_EVENTS_REQUEST_TIMEOUT", "2s")
                .env("PLATFORM_EVENTS_LEASE", "5s");
        return service;
    }

    /** The base64 of 32 random bytes, as {@code openssl rand -base64 32} makes. */
    public static String randomKek() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /** The receipt key-encryption key consent-service runs with. */
    public String receiptKek() {
        return RECEIPT_KEK;
    }

    public Postgres postgres() {
        return postgres;
    }

    public OidcProvider oidc() {
        return oidc;
    }

    public ServiceProcess notice() {
        return notice;
    }

    public ServiceProcess consent() {
        return consent;
    }

    public ServiceProcess agreement() {
        return agreement;
    }

    public List<ServiceProcess> services() {
        return List.of(notice, consent, agreement);
    }

    /** Brings back whatever a test left stopped: PostgreSQL first, then each service that is not running. */
    public void heal() {
        if (!postgres.running()) {
            postgres.start();
        }
        for (ServiceProcess s : services()) {
            if (!s.running()) {
                s.start();
            }
        }
    }

    /** Stops every process this suite started, in reverse order, whatever happened before. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("reliability: could not stop " + started.get(i) + ": " + e);
            }
        }
    }
}
