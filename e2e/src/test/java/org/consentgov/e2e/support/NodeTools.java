package org.consentgov.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js and the npm tools of the e2e module ({@code package.json}: Spectral with the OWASP ruleset, TypeScript).
 * {@code npm ci} runs only when {@code node_modules} is missing or was installed from another
 * {@code package-lock.json} (its SHA-256 is kept in {@code node_modules/.consentgov-lock.sha256}), with install
 * scripts off: nothing is fetched but the locked npm packages.
 */
public final class NodeTools {

    /** Spectral 6.16 needs Node 18.18 or 20.17+; Node 18 is the oldest with a global fetch for the TS client. */
    static final int MIN_NODE_MAJOR = 18;

    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(6);
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final String MARKER = ".consentgov-lock.sha256";

    private final Path module;
    private final Path logs;

    /** The outcome of one command: its exit code and what it wrote. */
    public record Result(int exitCode, String stdout, String stderr, Path stdoutFile, Path stderrFile) {

        public String describe() {
            return "exit " + exitCode + "\n--- stdout (" + stdoutFile + ")\n" + tail(stdout) + "\n--- stderr ("
                    + stderrFile + ")\n" + tail(stderr);
        }

        private static String tail(String text) {
            List<String> lines = text.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    public NodeTools(Path module, Path logs) {
        this.module = module;
        this.logs = logs;
    }

    /** Empty when node, npm and npx are there in a recent enough version; else why the tools cannot run. */
    public static Optional<String> unavailable() {
        for (String tool : List.of("node", "npm", "npx")) {
            String version;
            try {
                Process p = new ProcessBuilder(tool, "--version")
                        .redirectErrorStream(true)
                        .start();
                version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return Optional.of(tool + " --version failed: " + version);
                }
            } catch (IOException e) {
                return Optional.of(
                        tool + " is not on the PATH (" + e.getMessage() + "); the API contract test needs Node.js "
                                + MIN_NODE_MAJOR + "+ with npm (CI has Node 20 and npm 11)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
            if (tool.equals("node")) {
                Matcher m = VERSION.matcher(version);
                if (!m.find() || Integer.parseInt(m.group(1)) < MIN_NODE_MAJOR) {
                    return Optional.of("node " + version + " is too old: the API contract test needs Node.js "
                            + MIN_NODE_MAJOR + "+");
                }
            }
        }
        return Optional.empty();
    }

    /** Runs npm ci unless node_modules already holds what package-lock.json locks. */
    public void install() {
        Path lock = module.resolve("package-lock.json");
        Path marker = module.resolve("node_modules").resolve(MARKER);
        String wanted = sha256(lock);
        try {
            if (Files.isRegularFile(marker)
                    && Files.readString(marker).strip().equals(wanted)
                    && Files.isDirectory(module.resolve("node_modules/.bin"))) {
                return;
            }
            Result ci = run(
                    "npm-ci", INSTALL_TIMEOUT, Map.of(), "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            if (ci.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed in " + module + ": " + ci.describe());
            }
            Files.writeString(marker, wanted + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command in the e2e module, bounded in time; its output goes to logs/name.out and logs/name.err. */
    public Result run(String name, Duration timeout, Map<String, String> env, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(args)
                    .directory(module.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> environment = builder.environment();
            // no analytics, update checks or funding notes: the tools run offline apart from the npm registry
            environment.put("SCARF_ANALYTICS", "false");
            environment.put("NO_UPDATE_NOTIFIER", "1");
            environment.put("npm_config_update_notifier", "false");
            environment.put("npm_config_fund", "false");
            environment.putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", args) + " did not finish within " + timeout.toSeconds()
                        + " s (output in " + out + ", " + err + ")");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + args, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + args, e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
