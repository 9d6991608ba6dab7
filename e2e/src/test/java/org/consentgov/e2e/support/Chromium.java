package org.consentgov.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless-capable Chromium and its driver, {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 * When they are missing and this runs as root, they are installed once with apt-get (bounded in time, output
 * in {@code target/chromium-install.log}); otherwise the browser test is skipped with the reason.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final long UPDATE_MINUTES = 4;
    private static final long INSTALL_MINUTES = 10;
    private static Optional<String> unavailable;

    private Chromium() {}

    /** Empty when Chromium and its driver are there (installing them if need be), else why they are not. */
    public static synchronized Optional<String> ensureInstalled(Path target) {
        if (unavailable == null) {
            unavailable = install(target);
        }
        return unavailable;
    }

    private static Optional<String> install(Path target) {
        if (present()) {
            return Optional.empty();
        }
        if (!root()) {
            return Optional.of(BINARY + " or " + DRIVER + " is missing and this user may not install them; install the"
                    + " Debian packages chromium and chromium-driver (sudo apt-get install chromium chromium-driver)");
        }
        Path log = target.resolve("chromium-install.log");
        try {
            Files.createDirectories(target);
            String failure = run(log, UPDATE_MINUTES, "apt-get", "update")
                    .or(() -> run(
                            log,
                            INSTALL_MINUTES,
                            "apt-get",
                            "install",
                            "-y",
                            "-o",
                            "DPkg::Lock::Timeout=120",
                            "chromium",
                            "chromium-driver"))
                    .orElse(null);
            if (failure != null) {
                return Optional.of("could not install chromium and chromium-driver: " + failure + " (see " + log + ")");
            }
        } catch (IOException e) {
            return Optional.of("could not install chromium and chromium-driver: " + e.getMessage());
        }
        return present()
                ? Optional.empty()
                : Optional.of("apt-get installed chromium and chromium-driver, but " + BINARY + " or " + DRIVER
                        + " is still missing");
    }

    private static boolean present() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    private static boolean root() {
        try {
            Process id =
                    new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes()).strip();
            return id.waitFor(10, TimeUnit.SECONDS) && "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command with its output appended to the log; empty when it succeeded in time, else why not. */
    private static Optional<String> run(Path log, long minutes, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process process = builder.start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Optional.of(String.join(" ", args) + " did not finish within " + minutes + " minutes");
            }
            return process.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of(String.join(" ", args) + " exited with " + process.exitValue());
        } catch (IOException e) {
            return Optional.of(String.join(" ", args) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
