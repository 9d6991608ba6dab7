package org.consentgov.consent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.consentgov.platform.testing.LocalPostgres;

/**
 * The real notice-service, as built by the reactor (notice-service comes before consent-service), run as a
 * child process on a free port with its own fresh database and its demo notices published. Its public API,
 * which is all consent-service calls, needs no token; its OIDC server URL points at a closed port, which
 * Quarkus OIDC accepts at start-up (it warns and would try again on the first protected request).
 *
 * <p>Tests find it at the URL this resource hands consent-service, {@code quarkus.rest-client.notices.url}; its
 * output goes to {@code target/real-notice-service.log}.
 */
public class RealNoticeService implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "notice_for_consent_test";
    static final Duration READY_WITHIN = Duration.ofSeconds(60);
    static final Duration POLL_EVERY = Duration.ofMillis(200);
    static final Duration STOP_WITHIN = Duration.ofSeconds(20);

    private Process process;
    private String baseUrl;
    private Thread killOnExit;

    @Override
    public Map<String, String> start() {
        Path module = Path.of(System.getProperty("user.dir"));
        Path jar = module.resolve("../notice-service/target/quarkus-app/quarkus-run.jar")
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build notice-service first, e.g. "
                            + "./mvnw -B -q install -pl platform,notice-service -DskipTests (the reactor build does it for you)");
        }
        LocalPostgres postgres = LocalPostgres.get();
        postgres.recreateDatabase(DATABASE);
        int port = freePort();
        Path log = module.resolve("target/real-notice-service.log");
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar.toString())
                .directory(module.resolve("target").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("NOTICE_DEMO_DATA", "true");
        // the key that seals the webhook secrets in its database: a fresh one per run, as the database is fresh too
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        env.put("NOTICE_KEK", Base64.getEncoder().encodeToString(kek));
        env.put("LOG_JSON", "false");
        // Nothing listens on port 1: the public endpoints need no token, and nothing here sends one.
        env.put("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/governance");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start notice-service from " + jar, e);
        }
        Process started = process;
        killOnExit = new Thread(() -> stopProcess(started), "stop-real-notice-service");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        baseUrl = "http://localhost:" + port;
        awaitReady(log);
        return Map.of(
                "quarkus.rest-client.notices.url",
                baseUrl,
                "consent.public-notice-base-url",
                baseUrl + "/public/notices",
                "consent.demo-data.enabled",
                "true");
    }

    private void awaitReady(Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "notice-service exited with " + process.exitValue() + " before it was ready:\n" + tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(POLL_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException(
                "notice-service was not ready within " + READY_WITHIN.toSeconds() + " s:\n" + tail(log));
    }

    @Override
    public void stop() {
        if (process != null) {
            stopProcess(process);
            process = null;
        }
        if (killOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook is running or has run
            }
            killOnExit = null;
        }
    }

    private static void stopProcess(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                .toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for notice-service", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
