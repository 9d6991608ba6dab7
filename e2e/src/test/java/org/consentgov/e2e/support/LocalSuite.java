package org.consentgov.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real local suite, started once per JVM with {@code ./run --no-build} (DESIGN §10): PostgreSQL, Keycloak
 * with the demo realm and every service in run's {@code SERVICES} list, from the jars the reactor built.
 *
 * <p>On JDK 25+ run starts each service that has no AOT cache for this build with the JVM recording one, and the
 * service writes it when this suite stops it: the end-to-end tests are the training run of the caches that
 * {@code ./run}, the bench and the images start from (README "Start-up").
 *
 * <p>run is started in its own session and process group, so that stopping it never signals this JVM and
 * Ctrl-C in Maven's terminal does not reach it twice; each process run starts sits in a session of its own,
 * and run stops them itself when it gets SIGTERM. Its output goes to {@code target/suite.log}.
 *
 * <p>run gets {@code SUITE_TEST_CLOCK_FILE=target/suite-clock}, so that a test can move the clock of every service
 * with {@link SuiteClock} (it starts at the real time: the file is removed first).
 *
 * <p>The suite is only ever one this class started: when a port of the suite is already taken, it refuses
 * to start rather than test (and later stop a service of) somebody else's suite.
 */
public final class LocalSuite implements AutoCloseable {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:8180";
    static final int KEYCLOAK_PORT = 8180;
    static final String READY_LINE = "The local suite is up";
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(8);
    /**
     * How long run may take to stop everything: on JDK 25 a service that trained its AOT cache in this run writes
     * it on the way out (run gives each up to 3 minutes; a few seconds each is usual).
     */
    static final Duration STOP_TIMEOUT = Duration.ofMinutes(10);
    /** How long one service may take to exit on SIGTERM, its AOT cache included (see {@link #STOP_TIMEOUT}). */
    static final Duration SERVICE_STOP_TIMEOUT = Duration.ofMinutes(3);
    /** A service line of run's SERVICES array, not commented out: {@code "name port db ..."}. */
    /** run's words when it starts PostgreSQL itself (then it is part of what must be stopped). */
    private static final Pattern EMBEDDED_POSTGRES =
            Pattern.compile("nothing answers on [0-9.]+:(\\d+): starting an embedded PostgreSQL");

    private static final Pattern SERVICE_LINE = Pattern.compile("^\\s+\"([a-z0-9-]+) (\\d+) ");

    private final Path root;
    private final Path log;
    private final Map<String, Integer> services;
    private final Process run;
    private final long groupId;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile boolean watchdogPaused;

    private LocalSuite(Path root, Path log, Map<String, Integer> services, Process run, long groupId) {
        this.root = root;
        this.log = log;
        this.services = services;
        this.run = run;
        this.groupId = groupId;
        this.shutdownHook = new Thread(this::stopQuietly, "e2e-suite-stop");
    }

    /** Starts the suite and waits until run says it is up; fails with the reason and the log's tail otherwise. */
    public static LocalSuite start() {
        Path root = Path.of(System.getProperty("e2e.repository-root", ".."))
                .toAbsolutePath()
                .normalize();
        Path target = Path.of(System.getProperty("e2e.target", "target"))
                .toAbsolutePath()
                .normalize();
        Duration timeout = Optional.ofNullable(System.getProperty("e2e.start-timeout-seconds"))
                .map(s -> Duration.ofSeconds(Long.parseLong(s)))
                .orElse(DEFAULT_START_TIMEOUT);
        return start(root, target, timeout);
    }

    static LocalSuite start(Path root, Path target, Duration timeout) {
        Path script = root.resolve("run");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(
                    script + " is missing or not executable: the e2e module must sit in the repository");
        }
        Map<String, Integer> services = servicesOf(script);
        requireJars(root, services.keySet());
        requireFreePorts(services);

        Path log = target.resolve("suite.log");
        try {
            Files.createDirectories(target);
            // its own session and process group, as run does for what it starts (perl where setsid is missing)
            List<String> command = new ArrayList<>(
                    onPath("setsid")
                            ? List.of("setsid")
                            : List.of("perl", "-e", "setpgrp(0, 0); exec @ARGV or die \"exec $ARGV[0]: $!\"", "--"));
            command.add(script.toString());
            command.add("--no-build");
            // every service with a database follows the suite's clock file; it starts at the real time
            Path clock = SuiteClock.fileIn(target);
            Files.deleteIfExists(clock);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("SUITE_TEST_CLOCK_FILE", clock.toString());
            // consent-service looks for consents past their end every few seconds, not every 15 minutes, so that a
            // test sees the expiry job's work while the clock stands where it put it
            builder.environment().putIfAbsent("CONSENT_EXPIRY_EVERY", "2s");
            // these tests ask hundreds of questions a minute as a handful of users, faster than any client the
            // gateway's per-client rate limit is set for; the limit itself is proved in the gateway's LimitsTest
            builder.environment().putIfAbsent("GATEWAY_RATE_LIMIT_PER_MINUTE", "100000");
            builder.environment().putIfAbsent("GATEWAY_RATE_LIMIT_BURST", "100000");
            Process process = builder.directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            LocalSuite suite = new LocalSuite(root, log, services, process, groupOf(process.pid()));
            Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
            suite.awaitReady(timeout);
            return suite;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + script, e);
        }
    }

    /** The services run started, from its SERVICES list: name to HTTP port (the gateway's is 8080). */
    public Map<String, Integer> services() {
        return java.util.Collections.unmodifiableMap(services);
    }

    /**
     * Stops one service of the suite with SIGTERM and waits until it has exited.
     *
     * <p>run's watchdog stops the whole suite (and exits) as soon as a process it started dies. That is right
     * for a person at a terminal, but a test of the gateway's answer to a dead upstream needs the rest
     * running. So this first pauses run itself with SIGSTOP; only run's own process is paused, not the
     * processes it started, which live in sessions of their own. {@link #close()} resumes run after sending
     * it SIGTERM, and run then stops what is left, as on Ctrl-C. The suite stays degraded for the rest of the
     * JVM: the test that does this runs last.
     */
    public void stopService(String name) {
        int port = services.getOrDefault(name, -1);
        ProcessHandle service = processOf(name)
                .orElseThrow(() -> new IllegalStateException("no running process of " + name + " was started by run"));
        signal("-STOP", Long.toString(run.pid()));
        watchdogPaused = true;
        service.destroy();
        if (!awaitExit(service, SERVICE_STOP_TIMEOUT)) {
            service.destroyForcibly();
            awaitExit(service, Duration.ofSeconds(10));
        }
        if (!awaitPortClosed(port, Duration.ofSeconds(15))) {
            throw new IllegalStateException(name + " was stopped, but port " + port + " still answers");
        }
    }

    /**
     * Waits until a process run started has exited. While run is paused nobody reaps it, so it stays a zombie,
     * which {@link ProcessHandle#isAlive()} still counts as alive: its state in /proc says it is gone.
     */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && !zombie(process.pid())) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
        return true;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The java process run started for a service, found among run's children by its jar. */
    Optional<ProcessHandle> processOf(String name) {
        String jar = name + "/target/quarkus-app/quarkus-run.jar";
        return run.toHandle()
                .descendants()
                .filter(p -> p.info()
                                .arguments()
                                .map(args -> List.of(args).contains(jar))
                                .orElse(false)
                        || p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .findFirst();
    }

    /** Stops run (which stops everything it started, in reverse order) and checks that nothing is left. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
        List<ProcessHandle> started = run.toHandle().descendants().toList();
        // the group only when run leads one of its own: never this JVM's group
        String target = groupId == run.pid() ? "-" + groupId : Long.toString(run.pid());
        signal("-TERM", "--", target);
        if (watchdogPaused) {
            signal("-CONT", "--", target);
        }
        boolean exited;
        try {
            exited = run.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            signal("-KILL", "--", target);
        }
        // whatever run could not stop in time: it was started by this suite, so it goes too
        for (ProcessHandle p : started) {
            if (p.isAlive()) {
                p.destroy();
            }
        }
        for (ProcessHandle p : started) {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        List<Integer> ports = new ArrayList<>(services.values());
        ports.add(KEYCLOAK_PORT);
        Matcher embedded = EMBEDDED_POSTGRES.matcher(logText());
        if (embedded.find()) {
            ports.add(Integer.parseInt(embedded.group(1)));
        }
        List<Integer> open = ports.stream()
                .filter(p -> !awaitPortClosed(p, Duration.ofSeconds(20)))
                .toList();
        if (!exited || !open.isEmpty()) {
            throw new IllegalStateException("the suite did not stop cleanly (run exited: " + exited
                    + ", ports still open: " + open + "); see " + log);
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("e2e: " + e.getMessage());
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (logText().contains(READY_LINE)) {
                return;
            }
            if (!run.isAlive()) {
                stopQuietly();
                throw new IllegalStateException("./run --no-build exited with " + run.exitValue()
                        + " before the suite was up (full log: " + log + "):\n" + tail(60));
            }
            if (Instant.now().isAfter(deadline)) {
                stopQuietly();
                throw new IllegalStateException("the suite was not up after " + timeout.toSeconds() + " s (full log: "
                        + log + "):\n" + tail(60));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    static Map<String, Integer> servicesOf(Path script) {
        Map<String, Integer> services = new LinkedHashMap<>();
        boolean inList = false;
        for (String line : readLines(script)) {
            if (line.startsWith("SERVICES=(")) {
                inList = true;
                continue;
            }
            if (inList && line.startsWith(")")) {
                break;
            }
            Matcher m = SERVICE_LINE.matcher(line);
            if (inList && m.find()) {
                services.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("found no SERVICES in " + script);
        }
        return services;
    }

    private static void requireJars(Path root, Iterable<String> services) {
        List<String> missing = new ArrayList<>();
        for (String service : services) {
            if (!Files.isRegularFile(root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.add(service + "/target/quarkus-app/quarkus-run.jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "the end-to-end tests run the built services, but " + String.join(", ", missing)
                            + (missing.size() == 1 ? " is" : " are")
                            + " missing: run the root ./mvnw verify (which builds every"
                            + " module before e2e), or ./mvnw install -DskipTests before ./mvnw -f e2e/pom.xml verify");
        }
    }

    private static void requireFreePorts(Map<String, Integer> services) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        services.forEach((name, port) -> ports.put(port, name));
        ports.put(KEYCLOAK_PORT, "Keycloak");
        List<String> taken = new ArrayList<>();
        ports.forEach((port, name) -> {
            if (listening(port)) {
                taken.add(port + " (" + name + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(
                    (taken.size() == 1 ? "port " + taken.get(0) + " is" : "ports " + String.join(", ", taken) + " are")
                            + " already in use: the end-to-end tests start"
                            + " their own suite with ./run and never test (or stop parts of) one they did not start. Stop what"
                            + " holds the port (find it with: ss -ltnp | grep -E ':(8080|8081|8082|8083|8180)'), e.g. a ./run in"
                            + " another terminal, and run the tests again");
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitPortClosed(int port, Duration timeout) {
        if (port < 0) {
            return true;
        }
        Instant deadline = Instant.now().plus(timeout);
        while (listening(port)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(Duration.ofMillis(250));
        }
        return true;
    }

    /** The process group run leads: its own pid when setsid made it a session leader. */
    private static long groupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) state ppid pgrp ...; comm may hold spaces, so count from the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return pid;
        }
    }

    private static void signal(String... args) {
        List<String> command = new ArrayList<>();
        command.add("kill");
        command.addAll(List.of(args));
        try {
            Process kill = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String tail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "local suite from " + root + " (run pid " + run.pid() + ")";
    }
}
