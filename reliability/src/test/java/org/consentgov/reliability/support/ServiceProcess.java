package org.consentgov.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service's real jar ({@code <service>/target/quarkus-app/quarkus-run.jar}) as a child process on a port of
 * its own, which it keeps across restarts. Each start writes a log of its own under {@code target/reliability-logs}.
 * {@link #stop()} is a graceful stop (SIGTERM), {@link #kill()} a {@code kill -9}.
 */
public final class ServiceProcess implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Path logs;
    private final int port;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process process;
    private int starts;

    ServiceProcess(String name, Path root, Path logs, int port) {
        this.name = name;
        this.jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.logs = logs;
        this.port = port;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build it first (./mvnw -pl reliability -am verify builds every "
                            + "service before this module)");
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Sets an environment variable for the next start. */
    public ServiceProcess env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public Map<String, String> env() {
        return env;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the jar and waits until /q/health/ready answers 200; fails with the log's tail if it does not. */
    public synchronized ServiceProcess start() {
        if (running()) {
            throw new IllegalStateException(name + " is already running");
        }
        Ports.requireFree(port, name);
        starts++;
        Path log = logs.resolve(name + "-" + starts + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small heaps and a quick start: four JVMs share two cores with the build
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logs);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        awaitReady(log);
        return this;
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before it was ready\n" + tail(log));
            }
            if (ready() == 200) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "\n" + tail(log));
            }
            Poll.pause();
        }
    }

    /** The status of /q/health/ready, or -1 when nothing answers. */
    public int ready() {
        try {
            HttpResponse<Void> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Graceful stop: SIGTERM, and waits for the exit (SIGKILL after 30 s). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit(Duration.ofSeconds(30));
    }

    /** kill -9: the JVM gets no chance to finish anything. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public void restart(boolean hard) {
        if (hard) {
            kill();
        } else {
            stop();
        }
        start();
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Ports.awaitFree(port, Duration.ofSeconds(15));
    }

    /** The whole log of the latest start. */
    public String log() {
        try {
            return Files.readString(logs.resolve(name + "-" + starts + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    public String logTail() {
        return tail(logs.resolve(name + "-" + starts + ".log"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
